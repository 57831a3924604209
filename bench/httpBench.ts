/**
 * HTTP throughput and p99 latency of the local server against a bare `node:http` server answering
 * a fixed 302. Each server runs in its own process; autocannon loads it from this one.
 */
import autocannon from 'autocannon';
import { startChildServer } from './childServer';
import { round } from './measure';

export interface HttpFigures {
  path: string;
  connections: number;
  durationSeconds: number;
  formRouterRequestsPerSecond: number;
  formRouterP99Millis: number;
  bareRequestsPerSecond: number;
  bareP99Millis: number;
  /** Form Router throughput as a share of the bare server's. */
  throughputRatio: number;
}

export const REDIRECT_PATH = '/v1/redirect?brand=acme&product=auto&zip=30303&lang=es&utm_source=bench&gclid=abc';

export async function benchHttp(durationSeconds = 5, connections = 10): Promise<HttpFigures> {
  const bare = await load('servers/bareServer.ts', durationSeconds, connections);
  const formRouter = await load('servers/formRouterServer.ts', durationSeconds, connections);

  return {
    path: REDIRECT_PATH,
    connections,
    durationSeconds,
    formRouterRequestsPerSecond: round(formRouter.requests.average, 0),
    formRouterP99Millis: formRouter.latency.p99,
    bareRequestsPerSecond: round(bare.requests.average, 0),
    bareP99Millis: bare.latency.p99,
    throughputRatio: round(formRouter.requests.average / bare.requests.average, 3),
  };
}

/** Loads one server for `durationSeconds` after a one-second warm-up, and stops it. */
export async function load(script: string, durationSeconds: number, connections: number, env: NodeJS.ProcessEnv = {}): Promise<autocannon.Result> {
  const server = await startChildServer(script, env);
  try {
    await autocannon({ url: server.url + REDIRECT_PATH, connections, duration: 1 });
    const result = await autocannon({ url: server.url + REDIRECT_PATH, connections, duration: durationSeconds });
    if (result.errors > 0 || result['3xx'] !== result.requests.total) {
      throw new Error(`${script}: ${result.errors} errors, ${result['3xx']} redirects of ${result.requests.total} requests`);
    }
    return result;
  } finally {
    await server.stop();
  }
}
