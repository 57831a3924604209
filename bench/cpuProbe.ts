/**
 * CPU time per request of a benchmark server, measured inside its process. On a shared machine
 * this is steadier than throughput, which also moves with whatever else runs.
 */
import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';

/** Cumulative figures of a server process at one moment. */
export interface CpuUsageSample {
  /** User plus system CPU time of the process since it started, in microseconds. */
  cpuMicros: number;
  /** Requests the server has received since it started. */
  requests: number;
}

const SAMPLE_REQUEST = 'cpu-usage';

/**
 * Counts the requests of `server` and replies to each `cpu-usage` message on the IPC channel with
 * a `CpuUsageSample`. Does nothing when the process has no IPC channel, which is the case unless
 * `startChildServer` started it.
 */
export function reportCpuUsage(server: Server): void {
  if (!process.send) {
    return;
  }

  let requests = 0;
  server.on('request', () => {
    requests += 1;
  });
  process.on('message', (message) => {
    if (message === SAMPLE_REQUEST) {
      const usage = process.cpuUsage();
      process.send?.({ cpuMicros: usage.user + usage.system, requests } satisfies CpuUsageSample);
    }
  });
  process.channel?.unref();
}

/** Requests a `CpuUsageSample` from a server started with an IPC channel. Rejects after 5 s without a reply. */
export function sampleCpuUsage(child: ChildProcess): Promise<CpuUsageSample> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`Server process ${child.pid} sent no CPU usage within 5 s; does it call reportCpuUsage?`));
    }, 5_000);
    const onMessage = (message: unknown) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as CpuUsageSample);
    };

    child.on('message', onMessage);
    child.send(SAMPLE_REQUEST);
  });
}

/** CPU microseconds per request between two samples of the same process. */
export function cpuMicrosPerRequest(before: CpuUsageSample, after: CpuUsageSample): number {
  const requests = after.requests - before.requests;
  return requests > 0 ? (after.cpuMicros - before.cpuMicros) / requests : Number.NaN;
}
