/**
 * Worker-thread entry that owns the local stand-ins (dynalite, local-aws-sqs, the log-writer
 * poller) and sends redirect events to the local queue. Started by
 * `startEmbeddedRuntimeInWorker`; it reports `ready` with the configuration, takes `events`,
 * replies to `flush` with `flushed`, and stops on `close`.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createRedirectEventSink } from '../redirect-logging/createRedirectEventSink';
import type { RedirectEvent } from '../redirect-logging/redirectEvent';
import { startEmbeddedRuntime } from './embeddedRuntime';
import type { EmbeddedRuntimeOptions } from './embeddedRuntime';

/** Messages from the worker to the thread that started it. */
export type StandInsMessage =
  | { type: 'ready'; config: unknown; instance: unknown }
  | { type: 'failed'; message: string }
  | { type: 'flushed' }
  | { type: 'closed' };

/** Messages from the starting thread to the worker. */
export type StandInsCommand = { type: 'events'; events: RedirectEvent[] } | { type: 'flush' } | { type: 'close' };

/** Nice value of this thread: the stand-ins yield the CPU to the thread that serves redirects. */
const STAND_INS_NICE = 10;

/**
 * Lowers this thread's scheduling priority. On Linux, `setpriority` with a thread id affects that
 * thread only, and `/proc/thread-self` names the id. Elsewhere the priority stays as it is.
 */
function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(threadId, STAND_INS_NICE);
  } catch {
    // Not Linux, or not permitted: the stand-ins then share the CPU evenly, which is only slower.
  }
}

async function run(): Promise<void> {
  const port = parentPort;
  if (!port) {
    throw new Error('standInsWorker must run in a worker thread');
  }
  lowerThreadPriority();

  try {
    const runtime = await startEmbeddedRuntime(workerData as EmbeddedRuntimeOptions);
    const events = createRedirectEventSink(runtime.config, 'batching');

    port.on('message', (command: StandInsCommand) => {
      if (command.type === 'events') {
        command.events.forEach((event) => void events.send(event));
      } else if (command.type === 'flush') {
        events.flush().finally(() => port.postMessage({ type: 'flushed' } satisfies StandInsMessage));
      } else if (command.type === 'close') {
        events
          .flush()
          .then(() => runtime.close())
          .finally(() => port.postMessage({ type: 'closed' } satisfies StandInsMessage));
      }
    });
    port.postMessage({ type: 'ready', config: runtime.config, instance: runtime.instance } satisfies StandInsMessage);
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies StandInsMessage);
  }
}

void run();
