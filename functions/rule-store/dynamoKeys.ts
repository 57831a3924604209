/**
 * Keys of the rules table. Everything of one brand shares the partition `BRAND#<brand>` and is
 * distinguished by a sort-key prefix. Numbers in sort keys are zero-padded so that string order is
 * numeric order. The active pointers of all brands share the partition `ACTIVE`, so that one
 * strongly consistent Query reads them all.
 */
export const VERSION_PREFIX = 'VERSION#';
export const CHUNK_PREFIX = 'CHUNK#';
export const DRAFT_PREFIX = 'DRAFT#';
export const PUBLISH_PREFIX = 'PUBLISH#';
export const HISTORY_PREFIX = 'HISTORY#';
export const ACTIVE_PARTITION = 'ACTIVE';

const VERSION_DIGITS = 10;
const CHUNK_INDEX_DIGITS = 5;

/** The highest version number a 10-digit sort key can hold. */
export const MAX_VERSION = 10 ** VERSION_DIGITS - 1;

export function brandPartition(brand: string): string {
  return `BRAND#${brand}`;
}

export function versionSortKey(version: number): string {
  return `${VERSION_PREFIX}${String(version).padStart(VERSION_DIGITS, '0')}`;
}

/** Prefix shared by the chunks of one gzip blob, identified by the blob's SHA-256. */
export function chunkPrefix(blobHash: string): string {
  return `${CHUNK_PREFIX}${blobHash}#`;
}

export function chunkSortKey(blobHash: string, index: number): string {
  return `${chunkPrefix(blobHash)}${String(index).padStart(CHUNK_INDEX_DIGITS, '0')}`;
}

export function draftSortKey(draftId: string): string {
  return `${DRAFT_PREFIX}${draftId}`;
}

export function publishSortKey(publishKey: string): string {
  return `${PUBLISH_PREFIX}${publishKey}`;
}

/** `at` must be a UTC ISO 8601 string from `Date.toISOString`, so that string order is time order. */
export function historySortKey(at: string, publishId: string): string {
  return `${HISTORY_PREFIX}${at}#${publishId}`;
}

/** True for a whole number from 1 to `MAX_VERSION`. */
export function isVersionNumber(version: number): boolean {
  return Number.isSafeInteger(version) && version >= 1 && version <= MAX_VERSION;
}
