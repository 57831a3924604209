import type { RedirectEvent } from './redirectEvent';
import { parseRedirectEvent } from './redirectEventSchema';
import { UNSENT_EVENT_MESSAGE } from './unsentRedirectEvents';

// Kept apart from the recorder so that the redirect function, which only records, does not bundle
// the event schema validator that replay needs.

/** Content of one structured log line, as far as replay is concerned. */
export type LogLineContent =
  | { kind: 'unsent_event'; event: RedirectEvent }
  | { kind: 'invalid_unsent_event'; problem: string }
  | { kind: 'other' };

/**
 * Reads one line of a structured log. A line may carry a prefix before the JSON object (a
 * timestamp and request id, as some log exports add), so parsing starts at the first `{`.
 * Lines that are not JSON, or JSON with another message, are `other`.
 */
export function readLogLine(line: string): LogLineContent {
  const start = line.indexOf('{');
  if (start < 0) {
    return { kind: 'other' };
  }

  let record: unknown;
  try {
    record = JSON.parse(line.slice(start));
  } catch {
    return { kind: 'other' };
  }
  if (!isUnsentRecord(record)) {
    return { kind: 'other' };
  }

  try {
    return { kind: 'unsent_event', event: parseRedirectEvent(record.redirectEvent) };
  } catch (error) {
    return { kind: 'invalid_unsent_event', problem: (error as Error).message };
  }
}

function isUnsentRecord(record: unknown): record is { message: string; redirectEvent: unknown } {
  return typeof record === 'object' && record !== null && (record as { message?: unknown }).message === UNSENT_EVENT_MESSAGE;
}
