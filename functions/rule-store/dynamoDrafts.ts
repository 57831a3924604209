import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RuleSet } from '../ruleset/ruleSet';
import type { DraftRecord } from './ruleStore';
import { writeContent } from './dynamoContent';
import type { ContentDescriptor } from './dynamoContent';
import { brandPartition, draftSortKey } from './dynamoKeys';
import { getItem, isConditionalCheckFailed } from './dynamoTable';
import type { RulesTable } from './dynamoTable';
import { DraftNotFoundError } from './errors';

/** The item that commits a draft, written after its chunks. */
export interface DraftHeaderItem extends ContentDescriptor {
  pk: string;
  sk: string;
  brand: string;
  draftId: string;
  createdAt: string;
  createdBy: string;
}

/**
 * Stores a rule set's chunks and its draft header. The draft id is the content hash, so equal
 * content maps to one draft; when that draft exists already its first header is returned unchanged.
 */
export async function writeDraft(table: RulesTable, ruleSet: RuleSet, createdBy: string): Promise<DraftHeaderItem> {
  const brand = ruleSet.settings.brand;
  const descriptor = await writeContent(table, brand, ruleSet);
  const draftId = descriptor.contentHash;
  const header: DraftHeaderItem = {
    ...descriptor,
    pk: brandPartition(brand),
    sk: draftSortKey(draftId),
    brand,
    draftId,
    createdAt: new Date().toISOString(),
    createdBy,
  };

  try {
    await table.client.send(new PutCommand({ TableName: table.tableName, Item: header, ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (error) {
    if (!isConditionalCheckFailed(error)) {
      throw error;
    }
    return readDraftHeader(table, brand, draftId);
  }

  return header;
}

/** Strongly consistent read of a draft header. Throws `DraftNotFoundError` when there is none. */
export async function readDraftHeader(table: RulesTable, brand: string, draftId: string): Promise<DraftHeaderItem> {
  const header = await getItem<DraftHeaderItem>(table, brandPartition(brand), draftSortKey(draftId));
  if (header === undefined) {
    throw new DraftNotFoundError(brand, draftId);
  }

  return header;
}

export function toDraftRecord(item: DraftHeaderItem): DraftRecord {
  const { brand, draftId, contentHash, createdAt, createdBy, sizeBytes } = item;

  return { brand, draftId, contentHash, createdAt, createdBy, sizeBytes };
}
