import type { HistoryEntry } from './ruleStore';
import { InvalidHistoryEntryError } from './errors';

/** Entries `listHistory` returns when the caller names no limit. */
export const DEFAULT_HISTORY_LIMIT = 50;

/**
 * Rewrites `at` as UTC ISO 8601 with milliseconds, so that sort-key order is time order. Throws
 * `InvalidHistoryEntryError` when `at` is not a date.
 */
export function normaliseHistoryEntry(entry: HistoryEntry): HistoryEntry {
  const time = Date.parse(entry.at);
  if (Number.isNaN(time)) {
    throw new InvalidHistoryEntryError(entry.brand, entry.at);
  }

  return { ...entry, at: new Date(time).toISOString() };
}

/**
 * Throws `RangeError` unless `limit` is a positive integer. Returns it, or the default when it is
 * `undefined`.
 */
export function checkHistoryLimit(limit: number | undefined): number {
  const checked = limit ?? DEFAULT_HISTORY_LIMIT;
  if (!Number.isSafeInteger(checked) || checked < 1) {
    throw new RangeError(`Invalid history limit ${limit}: expected a positive integer`);
  }

  return checked;
}
