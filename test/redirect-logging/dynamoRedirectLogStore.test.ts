import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTables, startDynalite } from '../../functions/local/dynaliteServer';
import type { LocalDynamo } from '../../functions/local/dynaliteServer';
import { DynamoRedirectLogStore } from '../../functions/redirect-logging/dynamoRedirectLogStore';
import { InvalidTimeRangeError } from '../../functions/redirect-logging/errors';
import { logKeyOf } from '../../functions/redirect-logging/redirectLogKeys';
import { createDynamoDocumentClient } from '../../functions/shared/awsClients';
import { loadConfig } from '../../functions/shared/config';
import { logsTableDefinition } from '../../functions/shared/tables';
import { aRedirectEvent, redirectEvents } from './support/redirectEvents';

const TABLE = 'redirect-logs';
const NOW = new Date('2026-03-20T12:00:00.000Z');

let dynamo: LocalDynamo;
let client: DynamoDBDocumentClient;
let tableCount = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
  client = createDynamoDocumentClient(loadConfig({ FORM_ROUTER_DYNAMODB_ENDPOINT: dynamo.endpoint }));
});

afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

/** Creates a store on a table of its own, so tests do not see each other's items. */
async function newStore(options: { retentionDays?: number; shardCount?: number } = {}): Promise<DynamoRedirectLogStore> {
  const tableName = `${TABLE}-${++tableCount}`;
  await ensureTables(dynamo.endpoint, [logsTableDefinition(tableName)]);

  return new DynamoRedirectLogStore({ tableName, client, now: () => NOW, ...options });
}

describe('DynamoRedirectLogStore.putEvents', () => {
  it('stores more events than one batch request takes', async () => {
    const store = await newStore();
    const events = redirectEvents(60, new Date('2026-03-19T10:00:00.000Z'));

    const unstored = await store.putEvents(events);
    const logs = await store.queryRedirectLogs('acme', new Date('2026-03-19T00:00:00Z'), NOW);

    expect(unstored).toEqual([]);
    expect(logs.map((log) => log.eventId).sort()).toEqual(events.map((event) => event.eventId).sort());
  });

  it('leaves one item for a redelivered event', async () => {
    const store = await newStore();
    const event = aRedirectEvent({ time: '2026-03-19T10:00:00.000Z' });

    await store.putEvents([event]);
    await store.putEvents([event]);
    const logs = await store.queryRedirectLogs('acme', new Date('2026-03-19T00:00:00Z'), NOW);

    expect(logs).toHaveLength(1);
    expect(logs[0]?.eventId).toBe(event.eventId);
  });

  it('returns events left unprocessed after retries (mocked client: dynalite never leaves items unprocessed)', async () => {
    const events = redirectEvents(3, new Date('2026-03-19T10:00:00.000Z'));
    const stuck = logKeyOf(events[1]!, 16);
    const mocked = {
      send: jest.fn(async (command: { input: { RequestItems: Record<string, { PutRequest: { Item: { sk: string } } }[]> } }) => {
        const requests = Object.values(command.input.RequestItems)[0] ?? [];
        const left = requests.filter((request) => request.PutRequest.Item.sk === stuck.sk);
        return { UnprocessedItems: left.length > 0 ? { table: left } : {} };
      }),
    } as unknown as DynamoDBDocumentClient;
    const store = new DynamoRedirectLogStore({ tableName: 'table', client: mocked, now: () => NOW });

    const unstored = await store.putEvents(events);

    expect(unstored).toEqual([events[1]]);
    expect((mocked.send as jest.Mock).mock.calls).toHaveLength(4);
  });
});

describe('DynamoRedirectLogStore.putEvent', () => {
  it('stores the event with its keys and TTL', async () => {
    const store = await newStore();
    const event = aRedirectEvent({ time: '2026-03-19T08:00:00.000Z' });

    const outcome = await store.putEvent(event);
    const { Item } = await client.send(new GetCommand({ TableName: `${TABLE}-${tableCount}`, Key: logKeyOf(event, 16) }));

    expect(outcome).toBe('stored');
    expect(Item).toEqual({ ...event, ...logKeyOf(event, 16), expiresAt: Date.parse('2026-03-19T08:00:00Z') / 1000 + 90 * 86_400 });
  });

  it('returns duplicate for a stored event id', async () => {
    const store = await newStore();
    const event = aRedirectEvent({ time: '2026-03-19T08:00:00.000Z' });

    await store.putEvent(event);
    const outcome = await store.putEvent({ ...event, latencyMs: 99 });
    const [stored] = await store.queryRedirectLogs('acme', new Date('2026-03-19T00:00:00Z'), NOW);

    expect(outcome).toBe('duplicate');
    expect(stored?.latencyMs).toBe(event.latencyMs);
  });
});

describe('DynamoRedirectLogStore.queryRedirectLogs', () => {
  it('merges every shard and day in time order', async () => {
    const store = await newStore();
    const events = redirectEvents(200, new Date('2026-03-18T23:59:59.900Z'));
    await Promise.all([...events].reverse().map((event) => store.putEvent(event)));

    const logs = await store.queryRedirectLogs('acme', new Date('2026-03-18T00:00:00Z'), NOW);

    expect(logs.map((log) => log.eventId)).toEqual(events.map((event) => event.eventId));
    expect(new Set(logs.map((log) => log.time.slice(0, 10)))).toEqual(new Set(['2026-03-18', '2026-03-19']));
  });

  it('returns only the time range, both ends included', async () => {
    const store = await newStore();
    const times = ['2026-03-19T09:59:59.999Z', '2026-03-19T10:00:00.000Z', '2026-03-19T11:00:00.000Z', '2026-03-19T11:00:00.001Z'];
    await Promise.all(times.map((time) => store.putEvent(aRedirectEvent({ time }))));

    const logs = await store.queryRedirectLogs('acme', new Date('2026-03-19T10:00:00Z'), new Date('2026-03-19T11:00:00Z'));

    expect(logs.map((log) => log.time)).toEqual(['2026-03-19T10:00:00.000Z', '2026-03-19T11:00:00.000Z']);
  });

  it('returns only the brand asked for', async () => {
    const store = await newStore();
    await store.putEvent(aRedirectEvent({ brand: 'acme', time: '2026-03-19T10:00:00.000Z' }));
    await store.putEvent(aRedirectEvent({ brand: 'globex', time: '2026-03-19T10:00:00.000Z' }));

    const logs = await store.queryRedirectLogs('globex', new Date('2026-03-19T00:00:00Z'), NOW);

    expect(logs.map((log) => log.brand)).toEqual(['globex']);
  });

  it('leaves out expired items that TTL has not deleted', async () => {
    const store = await newStore({ retentionDays: 1 });
    await store.putEvent(aRedirectEvent({ time: '2026-03-19T11:59:59.000Z' }));
    await store.putEvent(aRedirectEvent({ time: '2026-03-19T12:00:01.000Z' }));

    const logs = await store.queryRedirectLogs('acme', new Date('2026-03-19T00:00:00Z'), NOW);

    expect(logs.map((log) => log.time)).toEqual(['2026-03-19T12:00:01.000Z']);
    expect(logs[0]?.expiresAt).toBe(Date.parse('2026-03-20T12:00:01Z') / 1000);
  });

  it('follows pages of a large partition', async () => {
    const store = await newStore({ shardCount: 1 });
    const bigUrl = `https://quotes.acme.example/auto?pad=${'x'.repeat(6000)}`;
    const events = redirectEvents(400, new Date('2026-03-19T10:00:00.000Z')).map((event) => ({ ...event, url: bigUrl }));
    for (let start = 0; start < events.length; start += 50) {
      await Promise.all(events.slice(start, start + 50).map((event) => store.putEvent(event)));
    }
    const send = jest.spyOn(client, 'send');

    const logs = await store.queryRedirectLogs('acme', new Date('2026-03-19T00:00:00Z'), NOW);
    const queries = send.mock.calls.length;
    send.mockRestore();

    // 400 items of about 6 KB in one partition are 2.4 MB, and a Query page stops at 1 MB.
    expect(logs).toHaveLength(400);
    expect(queries).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['since after until', new Date('2026-03-19T00:00:00Z'), new Date('2026-03-18T00:00:00Z'), /since 2026-03-19T00:00:00.000Z is after until/],
    ['an invalid date', new Date('nonsense'), NOW, /since is an invalid Date/],
  ])('rejects %s', async (_case, since, until, message) => {
    const store = await newStore();

    await expect(store.queryRedirectLogs('acme', since, until)).rejects.toThrow(InvalidTimeRangeError);
    await expect(store.queryRedirectLogs('acme', since, until)).rejects.toThrow(message);
  });
});
