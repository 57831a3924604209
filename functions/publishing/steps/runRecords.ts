import type { HistoryEntry, RuleStore, VersionRecord } from '../../rule-store/ruleStore';

/** History entries searched for an earlier activation by the same run. */
const HISTORY_SEARCHED = 50;

/** The record of one version without its content, or `undefined` when the brand has no such version. */
export async function findVersionRecord(store: RuleStore, brand: string, version: number): Promise<VersionRecord | undefined> {
  const records = await store.listVersions(brand);

  return records.find((record) => record.version === version);
}

/**
 * Finds the `activated` history entry of the run `publishId`, when an earlier execution with the same id
 * got that far.
 *
 * NOTE: only the newest 50 entries of the brand are searched, so a run repeated after 50 later
 * entries is not recognised here.
 */
export async function findActivation(store: RuleStore, brand: string, publishId: string): Promise<HistoryEntry | undefined> {
  const entries = await store.listHistory(brand, HISTORY_SEARCHED);

  return entries.find((entry) => entry.publishId === publishId && entry.outcome === 'activated');
}
