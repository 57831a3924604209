import { BatchWriteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoDocumentClient } from '../shared/awsClients';
import { loadConfig } from '../shared/config';
import { InvalidTimeRangeError } from './errors';
import type { RedirectEvent } from './redirectEvent';
import { DEFAULT_SHARD_COUNT, expiresAtOf, logKeyOf, partitionKey, sortKeyRange, utcDaysBetween } from './redirectLogKeys';
import type { PutEventOutcome, RedirectLogItem, RedirectLogStore } from './redirectLogStore';

export interface DynamoRedirectLogStoreOptions {
  tableName: string;
  /** Defaults to one client per process, configured by `loadConfig()`. */
  client?: DynamoDBDocumentClient;
  /** Days an item lives before its TTL; default 90. */
  retentionDays?: number;
  /** Shards per brand and day; default 16. Readers must use the shard count the writers used. */
  shardCount?: number;
  /** Queries in flight at once while reading a time range; default 8. */
  queryConcurrency?: number;
  /** Clock for the expiry filter; tests pass a fixed one. */
  now?: () => Date;
}

type StoredItem = RedirectLogItem & { pk: string; sk: string };

/** Items per `BatchWriteItem` request, DynamoDB's limit. */
const BATCH_WRITE_LIMIT = 25;

/** Requests per batch, the first included, before unprocessed items are reported as not stored. */
const BATCH_WRITE_ATTEMPTS = 4;

let defaultClient: DynamoDBDocumentClient | undefined;

/** Created on first use and kept for the life of the process, so warm Lambda invocations reuse it. */
function defaultDocumentClient(): DynamoDBDocumentClient {
  defaultClient ??= createDynamoDocumentClient(loadConfig());

  return defaultClient;
}

/**
 * The redirect log table on DynamoDB: one item per event, keyed as `redirectLogKeys` describes,
 * with a TTL attribute `expiresAt`. Storage errors (throttling, a missing table) reach the caller
 * intact, so the log writer's message fails and SQS delivers it again.
 */
export class DynamoRedirectLogStore implements RedirectLogStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly retentionDays: number;
  private readonly shardCount: number;
  private readonly queryConcurrency: number;
  private readonly now: () => Date;

  constructor(options: DynamoRedirectLogStoreOptions) {
    this.client = options.client ?? defaultDocumentClient();
    this.tableName = options.tableName;
    this.retentionDays = options.retentionDays ?? 90;
    this.shardCount = options.shardCount ?? DEFAULT_SHARD_COUNT;
    this.queryConcurrency = options.queryConcurrency ?? 8;
    this.now = options.now ?? (() => new Date());
  }

  async putEvent(event: RedirectEvent): Promise<PutEventOutcome> {
    const item = this.itemOf(event);

    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') {
        return 'duplicate';
      }
      throw error;
    }
    return 'stored';
  }

  async putEvents(events: readonly RedirectEvent[]): Promise<RedirectEvent[]> {
    const unstored: RedirectEvent[] = [];
    for (let start = 0; start < events.length; start += BATCH_WRITE_LIMIT) {
      unstored.push(...(await this.writeBatch(events.slice(start, start + BATCH_WRITE_LIMIT))));
    }

    return unstored;
  }

  /** Writes up to 25 events, sending unprocessed items again with backoff, and returns those still unprocessed. */
  private async writeBatch(events: RedirectEvent[]): Promise<RedirectEvent[]> {
    const byKey = new Map(events.map((event) => [logKeyOf(event, this.shardCount).sk, event]));
    let requests = events.map((event) => ({ PutRequest: { Item: this.itemOf(event) } }));

    for (let attempt = 0; requests.length > 0 && attempt < BATCH_WRITE_ATTEMPTS; attempt++) {
      if (attempt > 0) {
        await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      }
      const { UnprocessedItems } = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
      requests = (UnprocessedItems?.[this.tableName] ?? []).flatMap((request) =>
        request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item as StoredItem } }] : [],
      );
    }

    return requests.flatMap((request) => byKey.get(request.PutRequest.Item.sk) ?? []);
  }

  private itemOf(event: RedirectEvent): StoredItem {
    return { ...event, ...logKeyOf(event, this.shardCount), expiresAt: expiresAtOf(event, this.retentionDays) };
  }

  async queryRedirectLogs(brand: string, since: Date, until: Date): Promise<RedirectLogItem[]> {
    if (Number.isNaN(since.getTime()) || Number.isNaN(until.getTime()) || since > until) {
      throw new InvalidTimeRangeError(since, until);
    }

    const partitions = utcDaysBetween(since, until).flatMap((day) =>
      Array.from({ length: this.shardCount }, (_, shard) => partitionKey(brand, day, shard)),
    );
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    const pages = await mapConcurrently(partitions, this.queryConcurrency, (pk) => this.queryPartition(pk, since, until, nowSeconds));

    // Sort keys start with the UTC time, so their order is time order, and event ids break ties.
    return pages
      .flat()
      .sort(compareSortKeys)
      .map(({ pk: _pk, sk: _sk, ...log }) => log);
  }

  /** Reads every live item of one partition in the range, following pages. TTL deletes late, so the filter drops expired items. */
  private async queryPartition(pk: string, since: Date, until: Date, nowSeconds: number): Promise<StoredItem[]> {
    const { from, to } = sortKeyRange(since, until);
    const items: StoredItem[] = [];
    let startKey: Record<string, unknown> | undefined;

    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          FilterExpression: 'expiresAt > :now',
          ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to, ':now': nowSeconds },
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...((page.Items ?? []) as StoredItem[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);

    return items;
  }
}

function compareSortKeys(a: StoredItem, b: StoredItem): number {
  if (a.sk === b.sk) {
    return 0;
  }
  return a.sk < b.sk ? -1 : 1;
}

/** Maps `items` with at most `limit` calls of `work` pending at once; results keep the input order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };

  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
