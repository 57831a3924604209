import { ConditionalCheckFailedException, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MAX_CHUNK_BYTES } from '../../functions/rule-store/chunkedContent';
import { DynamoRuleStore } from '../../functions/rule-store/dynamoRuleStore';
import { writeVersionHeader } from '../../functions/rule-store/dynamoVersions';
import type { VersionHeaderItem } from '../../functions/rule-store/dynamoVersions';
import {
  ActivationConflictError,
  ContentHashMismatchError,
  PublishInProgressError,
  VersionNumberConflictError,
} from '../../functions/rule-store/errors';
import { largeRuleSet, smallRuleSet, useDynaliteTables } from './fixtures/ruleStoreFixtures';

const dynalite = useDynaliteTables();

interface Table {
  client: DynamoDBDocumentClient;
  tableName: string;
}

async function readItem<T>(table: Table, pk: string, sk: string): Promise<T | undefined> {
  const { Item } = await table.client.send(new GetCommand({ TableName: table.tableName, Key: { pk, sk }, ConsistentRead: true }));

  return Item as T | undefined;
}

async function readChunks(table: Table, brand: string): Promise<{ sk: string; data: Uint8Array }[]> {
  const items: { sk: string; data: Uint8Array }[] = [];
  let startKey: Record<string, unknown> | undefined;

  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `BRAND#${brand}`, ':prefix': 'CHUNK#' },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as { sk: string; data: Uint8Array }[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);

  return items;
}

/** Wraps a client so that a competing writer stores a header under the number before each of the next `times` header writes. */
function clientWithCompetingWriter(table: Table, times: number): DynamoDBDocumentClient {
  let remaining = times;
  const send = async (command: unknown): Promise<unknown> => {
    const item = command instanceof PutCommand ? command.input.Item : undefined;
    if (remaining > 0 && String(item?.sk).startsWith('VERSION#')) {
      remaining -= 1;
      await table.client.send(new PutCommand({ TableName: table.tableName, Item: { ...item, createdBy: 'competing writer' } }));
    }

    return table.client.send(command as PutCommand);
  };

  return { send } as unknown as DynamoDBDocumentClient;
}

describe('DynamoRuleStore', () => {
  let table: Table;
  let store: DynamoRuleStore;

  beforeEach(async () => {
    table = await dynalite.createTable();
    store = new DynamoRuleStore(table);
  });

  describe('putVersion', () => {
    it('splits a large rule set into chunks', async () => {
      const record = await store.putVersion(largeRuleSet('acme'), 'author');

      const header = await readItem<VersionHeaderItem>(table, 'BRAND#acme', 'VERSION#0000000001');
      const chunks = await readChunks(table, 'acme');

      expect(record.sizeBytes).toBeGreaterThan(3 * 1024 * 1024);
      expect(header?.compressedBytes).toBeGreaterThan(400 * 1024);
      expect(header?.chunkCount).toBeGreaterThan(1);
      expect(chunks).toHaveLength(header?.chunkCount ?? 0);
      expect(Math.max(...chunks.map((chunk) => chunk.data.length))).toBeLessThanOrEqual(MAX_CHUNK_BYTES);
      expect(chunks[0]?.sk).toBe(`CHUNK#${header?.blobHash}#00000`);
    });

    it('retries when another writer takes the number', async () => {
      const racing = new DynamoRuleStore({ ...table, client: clientWithCompetingWriter(table, 1) });

      const record = await racing.putVersion(smallRuleSet('acme'), 'author');
      const versions = await store.listVersions('acme');

      expect(record.version).toBe(2);
      expect(versions.map((version) => [version.version, version.createdBy])).toEqual([
        [1, 'competing writer'],
        [2, 'author'],
      ]);
    });

    it('gives up after maxVersionAttempts lost numbers', async () => {
      const racing = new DynamoRuleStore({ ...table, client: clientWithCompetingWriter(table, 10), maxVersionAttempts: 3 });

      const put = racing.putVersion(smallRuleSet('acme'), 'author');

      await expect(put).rejects.toThrow(VersionNumberConflictError);
      await expect(put).rejects.toMatchObject({ code: 'version_number_conflict', attempts: 3 });
    });
  });

  describe('version header', () => {
    it('rejects a second write for a taken number', async () => {
      await store.putVersion(smallRuleSet('acme'), 'author');
      const stored = await readItem<VersionHeaderItem>(table, 'BRAND#acme', 'VERSION#0000000001');

      const written = await writeVersionHeader(table, { ...(stored as VersionHeaderItem), createdBy: 'intruder', contentHash: 'f'.repeat(64) });
      const after = await readItem<VersionHeaderItem>(table, 'BRAND#acme', 'VERSION#0000000001');

      expect(written).toBe(false);
      expect(after).toEqual(stored);
    });
  });

  describe('getVersion', () => {
    it.each([
      ['damaged', (chunk: { sk: string }) => new PutCommand({ TableName: table.tableName, Item: { pk: 'BRAND#acme', sk: chunk.sk, data: Buffer.from('garbage') } })],
      ['missing', (chunk: { sk: string }) => new DeleteCommand({ TableName: table.tableName, Key: { pk: 'BRAND#acme', sk: chunk.sk } })],
    ])('throws ContentHashMismatchError for a %s chunk', async (_case, change) => {
      await store.putVersion(largeRuleSet('acme', 1024 * 1024), 'author');
      const [, second] = await readChunks(table, 'acme');
      await table.client.send(change(second as { sk: string }) as PutCommand);

      const read = store.getVersion('acme', 1);

      await expect(read).rejects.toThrow(ContentHashMismatchError);
      await expect(read).rejects.toMatchObject({ code: 'content_hash_mismatch', headerKey: 'VERSION#0000000001' });
    });
  });

  describe('putVersionFromDraft', () => {
    it('reuses the chunks of a large draft', async () => {
      const ruleSet = largeRuleSet('acme');
      const draft = await store.putDraft(ruleSet, 'author');
      const chunksOfDraft = await readChunks(table, 'acme');

      const record = await store.putVersionFromDraft('acme', draft.draftId, 'workflow');
      const stored = await store.getVersion('acme', record.version);

      expect(await readChunks(table, 'acme')).toHaveLength(chunksOfDraft.length);
      expect(stored.ruleSet).toEqual(ruleSet);
    });

    it.each([
      ['an expired', -1_000],
      ['a live', 60_000],
    ])('returns the version stored under %s claim', async (_case, claimOffsetMs) => {
      const draft = await store.putDraft(smallRuleSet('acme'), 'author');
      await writeMarker(table, draft.draftId, 'publish-1', Date.now() + claimOffsetMs);
      const header = await readItem<VersionHeaderItem>(table, 'BRAND#acme', `DRAFT#${draft.draftId}`);
      await writeVersionHeader(table, { ...(header as VersionHeaderItem), sk: 'VERSION#0000000001', version: 1, publishKey: 'publish-1' });

      const record = await store.putVersionFromDraft('acme', draft.draftId, 'workflow', 'publish-1');

      expect(record.version).toBe(1);
      expect(await store.listVersions('acme')).toHaveLength(1);
      expect(await readItem(table, 'BRAND#acme', 'PUBLISH#publish-1')).toMatchObject({ version: 1 });
    });

    it('takes over an expired claim that stored nothing', async () => {
      const draft = await store.putDraft(smallRuleSet('acme'), 'author');
      await writeMarker(table, draft.draftId, 'publish-1', Date.now() - 1_000);

      const record = await store.putVersionFromDraft('acme', draft.draftId, 'workflow', 'publish-1');

      expect(record).toMatchObject({ version: 1, publishKey: 'publish-1' });
      expect(await readItem(table, 'BRAND#acme', 'PUBLISH#publish-1')).toMatchObject({ version: 1 });
    });

    it('throws PublishInProgressError while a live claim stores nothing', async () => {
      const waiting = new DynamoRuleStore({ ...table, publishClaim: { pollMs: 5, maxReads: 3 } });
      const draft = await waiting.putDraft(smallRuleSet('acme'), 'author');
      const claimExpiresAt = Date.now() + 60_000;
      await writeMarker(table, draft.draftId, 'publish-1', claimExpiresAt);

      const publish = waiting.putVersionFromDraft('acme', draft.draftId, 'workflow', 'publish-1');

      await expect(publish).rejects.toThrow(PublishInProgressError);
      await expect(publish).rejects.toMatchObject({ publishKey: 'publish-1', claimExpiresAt: new Date(claimExpiresAt).toISOString() });
      expect(await store.listVersions('acme')).toEqual([]);
    });
  });

  describe('activate', () => {
    it('reads the conflicting version from ALL_OLD (mocked client: dynalite omits the item)', async () => {
      const rejection = new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {}, Item: { version: { N: '5' } } });
      const send = jest.fn(async (command: unknown) => {
        if (command instanceof PutCommand) {
          throw rejection;
        }
        return { Item: { pk: 'BRAND#acme', sk: 'VERSION#0000000006', version: 6 } };
      });
      const mocked = new DynamoRuleStore({ tableName: table.tableName, client: { send } as unknown as DynamoDBDocumentClient });

      const activation = mocked.activate('acme', 6, 4, 'operator');

      await expect(activation).rejects.toThrow(ActivationConflictError);
      await expect(activation).rejects.toMatchObject({ expectedVersion: 4, currentVersion: 5 });
      expect(send).toHaveBeenCalledTimes(2);
    });
  });

  describe('storage errors', () => {
    const throttled = new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput', $metadata: {} });
    const client = { send: jest.fn(async () => Promise.reject(throttled)) } as unknown as DynamoDBDocumentClient;

    it.each([
      ['getActive', (mocked: DynamoRuleStore) => mocked.getActive('acme')],
      ['putVersion', (mocked: DynamoRuleStore) => mocked.putVersion(smallRuleSet('acme'), 'author')],
      ['listHistory', (mocked: DynamoRuleStore) => mocked.listHistory('acme')],
    ])('%s passes throttling through intact (mocked client: dynalite never throttles)', async (_method, call) => {
      const mocked = new DynamoRuleStore({ tableName: 'rules-throttled', client });

      await expect(call(mocked)).rejects.toBe(throttled);
    });
  });

  describe('default client', () => {
    it('uses the endpoint from the environment', async () => {
      const saved = process.env.FORM_ROUTER_DYNAMODB_ENDPOINT;
      process.env.FORM_ROUTER_DYNAMODB_ENDPOINT = dynalite.endpoint();

      try {
        const configured = new DynamoRuleStore({ tableName: table.tableName });
        await configured.putVersion(smallRuleSet('acme'), 'author');

        expect((await store.getLatestVersion('acme'))?.version).toBe(1);
      } finally {
        restoreEnvironment('FORM_ROUTER_DYNAMODB_ENDPOINT', saved);
      }
    });
  });
});

/** Writes a publish marker as a call that claimed `publishKey` and then stopped would leave it. */
async function writeMarker(table: Table, draftId: string, publishKey: string, claimExpiresAt: number): Promise<void> {
  const item = { pk: 'BRAND#acme', sk: `PUBLISH#${publishKey}`, brand: 'acme', publishKey, draftId, latestAtClaim: 0, claimExpiresAt };

  await table.client.send(new PutCommand({ TableName: table.tableName, Item: item }));
}

function restoreEnvironment(key: string, value: string | undefined): void {
  if (value === undefined) {
    delete process.env[key];
  } else {
    process.env[key] = value;
  }
}
