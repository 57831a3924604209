/**
 * HTTP throughput, p99 latency and CPU time per request of the local server against a bare
 * `node:http` server that returns a fixed 302. Each server runs in its own process, and autocannon
 * loads it from this one.
 */
import autocannon from 'autocannon';
import { startChildServer } from './childServer';
import { cpuMicrosPerRequest, sampleCpuUsage } from './cpuProbe';
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
  /** User plus system CPU time of the server process per request served during the measured run. */
  formRouterCpuMicrosPerRequest: number;
  bareCpuMicrosPerRequest: number;
}

/** One server's autocannon result and its CPU time per request over the same run. */
export interface LoadFigures {
  result: autocannon.Result;
  cpuMicrosPerRequest: number;
}

export const REDIRECT_PATH = '/v1/redirect?brand=acme&product=auto&zip=30303&lang=es&utm_source=bench&gclid=abc';

export async function benchHttp(durationSeconds = 5, connections = 10): Promise<HttpFigures> {
  const bare = await load('servers/bareServer.ts', durationSeconds, connections);
  const formRouter = await load('servers/formRouterServer.ts', durationSeconds, connections);

  return {
    path: REDIRECT_PATH,
    connections,
    durationSeconds,
    formRouterRequestsPerSecond: round(formRouter.result.requests.average, 0),
    formRouterP99Millis: formRouter.result.latency.p99,
    bareRequestsPerSecond: round(bare.result.requests.average, 0),
    bareP99Millis: bare.result.latency.p99,
    throughputRatio: round(formRouter.result.requests.average / bare.result.requests.average, 3),
    formRouterCpuMicrosPerRequest: round(formRouter.cpuMicrosPerRequest, 1),
    bareCpuMicrosPerRequest: round(bare.cpuMicrosPerRequest, 1),
  };
}

/**
 * Loads one server for `durationSeconds` after a one-second warm-up, and stops it. The server
 * script must call `reportCpuUsage`, because its CPU time is sampled before and after the
 * measured run.
 */
export async function load(script: string, durationSeconds: number, connections: number, env: NodeJS.ProcessEnv = {}): Promise<LoadFigures> {
  const server = await startChildServer(script, env);
  try {
    await autocannon({ url: server.url + REDIRECT_PATH, connections, duration: 1 });
    const before = await sampleCpuUsage(server.process);
    const result = await autocannon({ url: server.url + REDIRECT_PATH, connections, duration: durationSeconds });
    const after = await sampleCpuUsage(server.process);
    if (result.errors > 0 || result['3xx'] !== result.requests.total) {
      throw new Error(`${script}: ${result.errors} errors, ${result['3xx']} redirects of ${result.requests.total} requests`);
    }
    return { result, cpuMicrosPerRequest: cpuMicrosPerRequest(before, after) };
  } finally {
    await server.stop();
  }
}
