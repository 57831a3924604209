import type { RedirectEvent } from './redirectEvent';

/**
 * Shards per brand and day. DynamoDB serves at most 1,000 write units per second for one
 * partition key value, and a redirect log item (under 1 KB) costs one write unit. One brand at
 * 1,500 redirects per second on one day would exceed that on a single key. Spread over 16 keys by
 * a hash of the event id, each key takes about 94 writes per second, which leaves ten times
 * headroom for bursts and uneven hashing. The price is on the read side: a day of one brand is 16
 * queries.
 */
export const DEFAULT_SHARD_COUNT = 16;

const SECONDS_PER_DAY = 86_400;
const MS_PER_DAY = SECONDS_PER_DAY * 1000;

/** Partition and sort key of one log item. */
export interface RedirectLogKey {
  /** `<brand>#<yyyy-mm-dd>#<shard>`, the day in UTC. */
  pk: string;
  /** `<ISO time in UTC>#<eventId>`, so a query by time range is a sort key range. */
  sk: string;
}

/** Keys of the event's item. The time is normalised to UTC, so offsets never break the sort order. */
export function logKeyOf(event: RedirectEvent, shardCount: number): RedirectLogKey {
  const time = new Date(event.time);

  return {
    pk: partitionKey(event.brand, utcDay(time), shardOf(event.eventId, shardCount)),
    sk: `${time.toISOString()}#${event.eventId}`,
  };
}

export function partitionKey(brand: string, day: string, shard: number): string {
  return `${brand}#${day}#${shard}`;
}

/**
 * Shard of an event id: the 32-bit FNV-1a hash of its characters, modulo `shardCount`. Stable
 * across processes and versions, which the readers depend on.
 */
export function shardOf(eventId: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < eventId.length; index++) {
    hash ^= eventId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }

  return hash % shardCount;
}

/** Sort key bounds that select `since <= time <= until` (both inclusive). */
export function sortKeyRange(since: Date, until: Date): { from: string; to: string } {
  // `~` sorts after every character of an event id, so `to` includes all events of `until` itself.
  return { from: since.toISOString(), to: `${until.toISOString()}#~` };
}

/** UTC days from `since` to `until`, both included, as `yyyy-mm-dd`. */
export function utcDaysBetween(since: Date, until: Date): string[] {
  const days: string[] = [];
  const last = Date.parse(utcDay(until));

  for (let day = Date.parse(utcDay(since)); day <= last; day += MS_PER_DAY) {
    days.push(utcDay(new Date(day)));
  }
  return days;
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** TTL of an event's item: its time plus the retention, in epoch seconds. */
export function expiresAtOf(event: RedirectEvent, retentionDays: number): number {
  return Math.floor(Date.parse(event.time) / 1000) + retentionDays * SECONDS_PER_DAY;
}
