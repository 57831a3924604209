import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { HistoryEntry } from './ruleStore';
import { brandPartition, HISTORY_PREFIX, historySortKey } from './dynamoKeys';
import { queryItems } from './dynamoTable';
import type { RulesTable } from './dynamoTable';
import { checkHistoryLimit, normaliseHistoryEntry } from './historyEntry';

type HistoryItem = HistoryEntry & { pk: string; sk: string };

/**
 * Stores one entry under `HISTORY#<at>#<publishId>`. An entry with the same time and publish id
 * replaces the earlier one, so a retried append keeps one entry.
 */
export async function writeHistoryEntry(table: RulesTable, entry: HistoryEntry): Promise<void> {
  const normalised = normaliseHistoryEntry(entry);
  const item: HistoryItem = { ...withoutUndefined(normalised), pk: brandPartition(entry.brand), sk: historySortKey(normalised.at, entry.publishId) };

  await table.client.send(new PutCommand({ TableName: table.tableName, Item: item }));
}

/** Reads a brand's entries, newest first, at most `limit` (default 50). Throws `RangeError` unless `limit` is a positive integer. */
export async function readHistory(table: RulesTable, brand: string, limit?: number): Promise<HistoryEntry[]> {
  const items = await queryItems<HistoryItem>(table, brandPartition(brand), { prefix: HISTORY_PREFIX }, { descending: true, limit: checkHistoryLimit(limit) });

  return items.map(({ pk: _pk, sk: _sk, ...entry }) => entry);
}

/** Drops `undefined` fields, which a document client without `removeUndefinedValues` rejects. */
function withoutUndefined(entry: HistoryEntry): HistoryEntry {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as unknown as HistoryEntry;
}
