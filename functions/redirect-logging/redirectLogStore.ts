import type { RedirectEvent } from './redirectEvent';

/** One stored redirect log: the event as sent, plus when the table's TTL may delete it. */
export interface RedirectLogItem extends RedirectEvent {
  /** Epoch seconds after which the log is expired; DynamoDB TTL deletes it some time later. */
  expiresAt: number;
}

/** `stored`: a new item was written. `duplicate`: an item with this event id existed, nothing changed. */
export type PutEventOutcome = 'stored' | 'duplicate';

/** Writes redirect logs, one item per event id. */
export interface RedirectLogWriter {
  /** Stores the event unless its id is stored already; a repeated call is a no-op that returns `duplicate`. */
  putEvent(event: RedirectEvent): Promise<PutEventOutcome>;

  /**
   * Stores many events in as few requests as the table allows and returns those it could not
   * store. An event id that is stored already is written again with the same content, because an
   * event's content never changes, so a redelivery still leaves one unchanged item.
   */
  putEvents(events: readonly RedirectEvent[]): Promise<RedirectEvent[]>;
}

/** Reads redirect logs by brand and time, e.g. for the publish diff and `form-router logs`. */
export interface RedirectLogReader {
  /**
   * Returns the brand's logs with `since <= time <= until`, oldest first, leaving out expired ones
   * that TTL has not deleted yet. Throws `InvalidTimeRangeError` when `since` is after `until` or
   * either date is invalid.
   */
  queryRedirectLogs(brand: string, since: Date, until: Date): Promise<RedirectLogItem[]>;
}

/** The redirect log table. */
export interface RedirectLogStore extends RedirectLogWriter, RedirectLogReader {}
