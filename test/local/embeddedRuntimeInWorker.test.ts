import { WorkerRedirectEventSink, startEmbeddedRuntimeInWorker } from '../../functions/local/embeddedRuntimeInWorker';
import { CapturingEventSink } from '../support/routingApp';
import { DynamoRedirectLogStore } from '../../functions/redirect-logging/dynamoRedirectLogStore';
import { createDynamoDocumentClient } from '../../functions/shared/awsClients';
import { aRedirectEvent } from '../redirect-logging/support/redirectEvents';

describe('startEmbeddedRuntimeInWorker', () => {
  it('stores redirect events sent through its sink', async () => {
    const runtime = await startEmbeddedRuntimeInWorker({});
    const events = Array.from({ length: 25 }, () => aRedirectEvent({ brand: 'acme' }));

    try {
      await Promise.all(events.map((event) => runtime.events.send(event)));
      await runtime.events.flush();
      const store = new DynamoRedirectLogStore({ tableName: runtime.config.logsTable, client: createDynamoDocumentClient(runtime.config) });
      const stored = await waitForItems(store, events.length);

      expect(runtime.config.endpoints.dynamodb).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(stored.sort()).toEqual(events.map((event) => event.eventId).sort());
    } finally {
      await runtime.close();
    }
  });
});

/** Polls the log table until `count` items arrived or ten seconds passed, and returns their event ids. */
async function waitForItems(store: DynamoRedirectLogStore, count: number): Promise<string[]> {
  const since = new Date(Date.now() - 60_000);
  for (let attempt = 0; attempt < 100; attempt++) {
    const items = await store.queryRedirectLogs('acme', since, new Date(Date.now() + 60_000));
    if (items.length >= count) {
      return items.map((item) => item.eventId);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

describe('WorkerRedirectEventSink', () => {
  it('sends events to the fallback once the worker stopped', async () => {
    const posted: unknown[] = [];
    const fallback = new CapturingEventSink();
    const sink = new WorkerRedirectEventSink((command) => posted.push(command), () => new Promise(() => undefined), fallback);
    const [collected, later] = [aRedirectEvent(), aRedirectEvent()];

    await sink.send(collected);
    sink.workerStopped();
    await sink.send(later);
    await new Promise((resolve) => setImmediate(resolve));

    expect(fallback.events).toEqual([collected, later]);
    expect(posted).toEqual([]);
  });
});
