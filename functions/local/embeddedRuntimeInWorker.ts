import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FormRouterConfig } from '../shared/config';
import type { EmbeddedRuntime, EmbeddedRuntimeOptions } from './embeddedRuntime';
import type { StandInsMessage } from './standInsWorker';

/** Milliseconds `close()` waits for the worker to drain the queue and stop its servers. */
const CLOSE_TIMEOUT_MS = 15_000;

/**
 * Starts the local stand-ins in a worker thread of this process, so that dynalite's storage
 * work and the log writer never hold up the event loop that serves redirects. The process still
 * owns the data folder alone, as LevelDB requires.
 */
export async function startEmbeddedRuntimeInWorker(options: EmbeddedRuntimeOptions): Promise<EmbeddedRuntime> {
  const worker = createWorker(options);
  const ready = await nextMessage(worker);
  if (ready.type !== 'ready') {
    await worker.terminate();
    throw new Error(ready.type === 'failed' ? ready.message : `Unexpected message from the stand-ins worker: ${ready.type}`);
  }

  return {
    config: ready.config as FormRouterConfig,
    owned: true,
    instance: ready.instance as EmbeddedRuntime['instance'],
    close: async () => {
      worker.postMessage('close');
      await Promise.race([nextMessage(worker), new Promise((done) => setTimeout(done, CLOSE_TIMEOUT_MS))]);
      await worker.terminate();
    },
  };
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
