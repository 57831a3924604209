/**
 * Worker-thread entry that owns the local stand-ins (dynalite, local-aws-sqs, the log-writer
 * poller). Started by `startEmbeddedRuntimeInWorker`; it reports `ready` with the configuration
 * and stops on a `close` message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startEmbeddedRuntime } from './embeddedRuntime';
import type { EmbeddedRuntimeOptions } from './embeddedRuntime';

export type StandInsMessage =
  | { type: 'ready'; config: unknown; instance: unknown }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

async function run(): Promise<void> {
  const port = parentPort;
  if (!port) {
    throw new Error('standInsWorker must run in a worker thread');
  }

  try {
    const runtime = await startEmbeddedRuntime(workerData as EmbeddedRuntimeOptions);
    port.on('message', (message: unknown) => {
      if (message === 'close') {
        runtime.close().finally(() => port.postMessage({ type: 'closed' } satisfies StandInsMessage));
      }
    });
    port.postMessage({ type: 'ready', config: runtime.config, instance: runtime.instance } satisfies StandInsMessage);
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies StandInsMessage);
  }
}

void run();
