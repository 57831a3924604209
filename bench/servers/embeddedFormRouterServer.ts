/**
 * The local server as `npm start` runs it, on in-memory stand-ins, for the redirect logging
 * benchmark. The stand-ins run in a worker thread, as in `npm start`. BENCH_REDIRECT_EVENTS selects
 * what happens to each redirect event. With `queue` it goes through the batching sink to
 * local-aws-sqs, and the log-writer poller stores it in dynalite. With `queue-only` it goes to the
 * queue and no log writer runs. With `discard` it is dropped.
 */
import { startEmbeddedRuntimeInWorker } from '../../functions/local/embeddedRuntimeInWorker';
import { startHttpServer } from '../../functions/local/httpServer';
import { publishSampleRuleSets } from '../../functions/local/publishSampleRuleSets';
import type { RedirectEventSink } from '../../functions/redirect-logging/redirectEvent';
import { DynamoRuleStore } from '../../functions/rule-store/dynamoRuleStore';
import { createRoutingDependencies } from '../../functions/routing/createRoutingDependencies';
import { createRequestHandler } from '../../functions/routing/http/app';
import { createDynamoDocumentClient } from '../../functions/shared/awsClients';

const discard: RedirectEventSink = { send: async () => undefined, flush: async () => undefined };

async function start(): Promise<void> {
  const mode = process.env.BENCH_REDIRECT_EVENTS;
  if (mode !== 'queue' && mode !== 'queue-only' && mode !== 'discard') {
    throw new Error(`Invalid BENCH_REDIRECT_EVENTS "${mode}": expected queue, queue-only or discard`);
  }

  const runtime = await startEmbeddedRuntimeInWorker({ startLogWriter: mode !== 'queue-only' });
  const store = new DynamoRuleStore({ tableName: runtime.config.rulesTable, client: createDynamoDocumentClient(runtime.config) });
  await publishSampleRuleSets(store, runtime.config.serviceHosts);
  const events = mode === 'discard' ? discard : runtime.events;
  const server = await startHttpServer(createRequestHandler(createRoutingDependencies(runtime.config, store, events)), 0);
  console.log(server.url);
}

start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
