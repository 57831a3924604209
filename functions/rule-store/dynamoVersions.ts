import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { logger } from '../shared/logger';
import type { VersionRecord } from './ruleStore';
import type { ContentDescriptor } from './dynamoContent';
import { brandPartition, MAX_VERSION, VERSION_PREFIX, versionSortKey } from './dynamoKeys';
import { getItem, isConditionalCheckFailed, queryItems } from './dynamoTable';
import type { RulesTable } from './dynamoTable';
import { VersionNumberConflictError } from './errors';

/** The item that commits a version. It is written after its chunks, so a reader never finds a header without content. */
export interface VersionHeaderItem extends ContentDescriptor {
  pk: string;
  sk: string;
  brand: string;
  version: number;
  createdAt: string;
  createdBy: string;
  draftId?: string;
  publishKey?: string;
}

/** Everything of a header except its number and keys, which `storeNextVersion` assigns. */
export type VersionHeaderFields = Omit<VersionHeaderItem, 'pk' | 'sk' | 'version'>;

/** Strongly consistent read of the newest version header of a brand; `undefined` when it has none. */
export async function readLatestVersionHeader(table: RulesTable, brand: string): Promise<VersionHeaderItem | undefined> {
  const [latest] = await queryItems<VersionHeaderItem>(table, brandPartition(brand), { prefix: VERSION_PREFIX }, { descending: true, limit: 1 });

  return latest;
}

/** The newest version number of a brand, 0 when it has none. */
export async function readLatestVersionNumber(table: RulesTable, brand: string): Promise<number> {
  const latest = await readLatestVersionHeader(table, brand);

  return latest?.version ?? 0;
}

export async function readVersionHeader(table: RulesTable, brand: string, version: number): Promise<VersionHeaderItem | undefined> {
  return getItem<VersionHeaderItem>(table, brandPartition(brand), versionSortKey(version));
}

/** Version headers of a brand numbered from `from` on, oldest first. */
export async function listVersionHeaders(table: RulesTable, brand: string, from = 1): Promise<VersionHeaderItem[]> {
  const range = { from: versionSortKey(from), to: versionSortKey(MAX_VERSION) };

  return queryItems<VersionHeaderItem>(table, brandPartition(brand), range);
}

/**
 * Writes a header under its number unless that number is taken. Returns false when it is: a
 * stored header is never replaced, which is what keeps versions immutable.
 */
export async function writeVersionHeader(table: RulesTable, header: VersionHeaderItem): Promise<boolean> {
  try {
    await table.client.send(new PutCommand({ TableName: table.tableName, Item: header, ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (error) {
    if (isConditionalCheckFailed(error)) {
      return false;
    }
    throw error;
  }

  return true;
}

/**
 * Writes `fields` as the header of the brand's next version: the latest number plus one, or a
 * higher one when concurrent writers take that number first, up to `maxAttempts` tries.
 * `mayWrite` is asked before every write; when it returns false nothing more is written and the
 * result is `null`. Throws `VersionNumberConflictError` when every attempt lost its number.
 */
export async function storeNextVersion(table: RulesTable, fields: VersionHeaderFields, maxAttempts: number): Promise<VersionHeaderItem>;
export async function storeNextVersion(
  table: RulesTable,
  fields: VersionHeaderFields,
  maxAttempts: number,
  mayWrite: () => boolean,
): Promise<VersionHeaderItem | null>;
export async function storeNextVersion(
  table: RulesTable,
  fields: VersionHeaderFields,
  maxAttempts: number,
  mayWrite: () => boolean = () => true,
): Promise<VersionHeaderItem | null> {
  let version = (await readLatestVersionNumber(table, fields.brand)) + 1;

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (!mayWrite()) {
      return null;
    }

    const header: VersionHeaderItem = { ...fields, pk: brandPartition(fields.brand), sk: versionSortKey(version), version };
    if (await writeVersionHeader(table, header)) {
      return header;
    }

    logger.info('version number taken, retrying', { brand: fields.brand, version, attempt, maxAttempts });
    version = Math.max(version + 1, (await readLatestVersionNumber(table, fields.brand)) + 1);
  }
  throw new VersionNumberConflictError(fields.brand, maxAttempts);
}

export function toVersionRecord(item: VersionHeaderItem): VersionRecord {
  const { brand, version, contentHash, createdAt, createdBy, sizeBytes, draftId, publishKey } = item;

  return {
    brand,
    version,
    contentHash,
    createdAt,
    createdBy,
    sizeBytes,
    ...(draftId === undefined ? {} : { draftId }),
    ...(publishKey === undefined ? {} : { publishKey }),
  };
}
