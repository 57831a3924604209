import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ActivePointer } from './ruleStore';
import { ACTIVE_PARTITION } from './dynamoKeys';
import { getItem, isConditionalCheckFailed, queryItems } from './dynamoTable';
import type { RulesTable } from './dynamoTable';
import { ActivationConflictError } from './errors';

/** The active-version pointer of one brand, item `ACTIVE` / `<brand>`. */
interface ActivePointerItem extends ActivePointer {
  pk: string;
  sk: string;
}

/** Strongly consistent read of one brand's pointer; `null` when the brand was never activated. */
export async function readActivePointer(table: RulesTable, brand: string): Promise<ActivePointer | null> {
  const item = await getItem<ActivePointerItem>(table, ACTIVE_PARTITION, brand);

  return item === undefined ? null : toActivePointer(item);
}

/** Strongly consistent read of every brand's pointer, in brand order. */
export async function listActivePointers(table: RulesTable): Promise<ActivePointer[]> {
  const items = await queryItems<ActivePointerItem>(table, ACTIVE_PARTITION, 'all');

  return items.map(toActivePointer);
}

/**
 * Writes `pointer` when the stored pointer still names `expectedCurrent` (`null`: no pointer),
 * as one conditional PutItem. Throws `ActivationConflictError` with the version found otherwise.
 */
export async function replaceActivePointer(table: RulesTable, pointer: ActivePointer, expectedCurrent: number | null): Promise<void> {
  const item: ActivePointerItem = { ...pointer, pk: ACTIVE_PARTITION, sk: pointer.brand };
  const condition =
    expectedCurrent === null
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedCurrent } };

  try {
    await table.client.send(new PutCommand({ TableName: table.tableName, Item: item, ...condition, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }));
  } catch (error) {
    if (!isConditionalCheckFailed(error)) {
      throw error;
    }
    const currentVersion = versionInRejectedItem(error) ?? (await readActivePointer(table, pointer.brand))?.version ?? null;
    throw new ActivationConflictError(pointer.brand, pointer.version, expectedCurrent, currentVersion);
  }
}

/**
 * The `version` of the item DynamoDB returns with a failed condition when asked for `ALL_OLD`.
 * The document client does not unmarshall error fields, so the number arrives as `{ N: "3" }`.
 * `undefined` when the error carries no item: there was none, or the endpoint (dynalite 4)
 * ignores `ReturnValuesOnConditionCheckFailure`.
 */
function versionInRejectedItem(error: unknown): number | undefined {
  const item = (error as { Item?: Record<string, { N?: string }> }).Item;
  const raw = item?.version?.N;

  return raw === undefined ? undefined : Number(raw);
}

function toActivePointer(item: ActivePointerItem): ActivePointer {
  const { brand, version, activatedAt, activatedBy, previousVersion } = item;

  return { brand, version, activatedAt, activatedBy, previousVersion: previousVersion ?? null };
}
