import { Agent, request } from 'node:http';
import { median } from './measure';

export interface FixedRateResult {
  requests: number;
  errors: number;
  /** Responses whose status differs from the expected one. */
  unexpectedStatus: number;
  p50Micros: number;
  p99Micros: number;
}

/**
 * Sends `GET url` at a fixed rate over keep-alive connections and times each request from send to
 * the end of its response, in microseconds. autocannon reports whole milliseconds, too coarse for
 * a budget of one millisecond, so this generator records `process.hrtime` per request instead.
 */
export async function loadAtFixedRate(url: string, rate: number, durationSeconds: number, expectedStatus = 302): Promise<FixedRateResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 10 });
  const latencies: number[] = [];
  let errors = 0;
  let unexpectedStatus = 0;
  const inFlight: Promise<void>[] = [];

  const sendOne = () =>
    new Promise<void>((done) => {
      const started = process.hrtime.bigint();
      const outgoing = request(url, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - started) / 1000);
          unexpectedStatus += response.statusCode === expectedStatus ? 0 : 1;
          done();
        });
      });
      outgoing.on('error', () => {
        errors++;
        done();
      });
      outgoing.end();
    });

  const total = Math.round(rate * durationSeconds);
  const started = Date.now();
  for (let sent = 0; sent < total; sent++) {
    const due = started + (sent * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    inFlight.push(sendOne());
  }
  await Promise.all(inFlight);
  agent.destroy();

  return { requests: total, errors, unexpectedStatus, p50Micros: Math.round(median(latencies)), p99Micros: Math.round(percentile(latencies, 0.99)) };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}
