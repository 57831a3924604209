import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRedirectEventSink } from '../redirect-logging/createRedirectEventSink';
import type { RedirectEvent, RedirectEventSink } from '../redirect-logging/redirectEvent';
import { logger } from '../shared/logger';
import type { FormRouterConfig } from '../shared/config';
import type { EmbeddedRuntime, EmbeddedRuntimeOptions } from './embeddedRuntime';
import type { StandInsCommand, StandInsMessage } from './standInsWorker';

/** Milliseconds `close()` waits for the worker to drain the queue and stop its servers. */
const CLOSE_TIMEOUT_MS = 15_000;

/** The embedded runtime of a worker thread, with a sink that hands redirect events to it. */
export interface WorkerEmbeddedRuntime extends EmbeddedRuntime {
  /** Sends redirect events to the local queue from the worker, batched as in `npm start`. */
  events: RedirectEventSink;
}

/**
 * Starts the local stand-ins in a worker thread of this process. dynalite's storage work, the
 * log writer and the AWS SDK calls that send redirect events then never hold up the event loop
 * that serves redirects. The process still owns the data folder alone, as LevelDB requires.
 */
export async function startEmbeddedRuntimeInWorker(options: EmbeddedRuntimeOptions): Promise<WorkerEmbeddedRuntime> {
  const worker = createWorker(options);
  const ready = await nextMessage(worker);
  if (ready.type !== 'ready') {
    await worker.terminate();
    throw new Error(ready.type === 'failed' ? ready.message : `Unexpected message from the stand-ins worker: ${ready.type}`);
  }

  const config = ready.config as FormRouterConfig;
  const send = (command: StandInsCommand) => worker.postMessage(command);
  const events = new WorkerRedirectEventSink(send, () => nextMessage(worker), createRedirectEventSink({ ...config, redirectQueueUrl: undefined }, 'batching'));
  let closing = false;
  worker.once('exit', (code) => {
    if (!closing) {
      // Events can no longer reach the queue; the sink writes them to the structured log for a replay.
      logger.error('stand-ins worker stopped unexpectedly', { exitCode: code });
      events.workerStopped();
    }
  });

  return {
    config,
    owned: true,
    instance: ready.instance as EmbeddedRuntime['instance'],
    events,
    close: async () => {
      closing = true;
      events.post();
      send({ type: 'close' });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise((done) => {
        timer = setTimeout(done, CLOSE_TIMEOUT_MS);
      });
      await Promise.race([nextMessage(worker), timedOut]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}

/**
 * Collects the events of one turn of the event loop and posts them to the worker in one message,
 * so that a redirect pays for appending to an array, not for a message or an SQS call.
 */
export class WorkerRedirectEventSink implements RedirectEventSink {
  private pending: RedirectEvent[] = [];
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly command: (command: StandInsCommand) => void,
    private readonly reply: () => Promise<StandInsMessage>,
    /** Sink used once the worker is gone: it writes each event to the structured log. */
    private readonly fallback: RedirectEventSink,
  ) {}

  async send(event: RedirectEvent): Promise<void> {
    if (this.stopped) {
      return this.fallback.send(event);
    }
    this.pending.push(event);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.post());
    }
  }

  async flush(): Promise<void> {
    if (this.stopped) {
      return;
    }
    this.post();
    const flushed = this.reply();
    this.command({ type: 'flush' });
    await flushed;
  }

  /** Sends the events still collected, and every later one, to the fallback sink. */
  workerStopped(): void {
    this.stopped = true;
    this.pending.forEach((event) => void this.fallback.send(event));
    this.pending = [];
  }

  /** Posts the collected events now. */
  post(): void {
    this.scheduled = false;
    if (this.pending.length > 0 && !this.stopped) {
      this.command({ type: 'events', events: this.pending });
      this.pending = [];
    }
  }
}

/** Runs the worker entry from its TypeScript source through tsx, or from JavaScript when built. */
function createWorker(options: EmbeddedRuntimeOptions): Worker {
  if (__filename.endsWith('.ts')) {
    const entry = resolve(__dirname, 'standInsWorker.ts');
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true, workerData: options });
  }
  return new Worker(resolve(__dirname, 'standInsWorker.js'), { workerData: options });
}

function nextMessage(worker: Worker): Promise<StandInsMessage> {
  return new Promise((resolveMessage, reject) => {
    const onExit = (code: number) => reject(new Error(`The stand-ins worker exited with code ${code}`));
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.once('message', (message: StandInsMessage) => {
      worker.off('error', reject);
      worker.off('exit', onExit);
      resolveMessage(message);
    });
  });
}
