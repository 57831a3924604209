import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** The rules table and the client that reaches it. */
export interface RulesTable {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/** True for the error DynamoDB returns when a write's condition expression is false. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** Strongly consistent read of one item; `undefined` when it does not exist. */
export async function getItem<T>(table: RulesTable, pk: string, sk: string): Promise<T | undefined> {
  const { Item } = await table.client.send(new GetCommand({ TableName: table.tableName, Key: { pk, sk }, ConsistentRead: true }));

  return Item as T | undefined;
}

/** Sort keys a Query selects: all, those starting with `prefix`, or those from `from` to `to` inclusive. */
export type SortKeyRange = 'all' | { prefix: string } | { from: string; to: string };

export interface QueryOptions {
  descending?: boolean;
  limit?: number;
}

/**
 * Strongly consistent Query of the items in partition `pk` whose sort key is in `range`,
 * following pages until `limit` items are read or none are left.
 */
export async function queryItems<T>(table: RulesTable, pk: string, range: SortKeyRange, options: QueryOptions = {}): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;

  do {
    const remaining = options.limit === undefined ? undefined : options.limit - items.length;
    const page = await table.client.send(new QueryCommand({ ...queryInput(table, pk, range, options), Limit: remaining, ExclusiveStartKey: startKey }));
    items.push(...((page.Items ?? []) as T[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined && (options.limit === undefined || items.length < options.limit));

  return items;
}

function queryInput(table: RulesTable, pk: string, range: SortKeyRange, options: QueryOptions): QueryCommandInput {
  return {
    TableName: table.tableName,
    ...keyCondition(pk, range),
    ScanIndexForward: options.descending !== true,
    ConsistentRead: true,
  };
}

function keyCondition(pk: string, range: SortKeyRange): Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues'> {
  if (range === 'all') {
    return { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } };
  }
  if ('prefix' in range) {
    return { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': range.prefix } };
  }

  return { KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', ExpressionAttributeValues: { ':pk': pk, ':from': range.from, ':to': range.to } };
}
