import { RedirectLogNotStoredError } from './errors';
import type { RedirectEvent } from './redirectEvent';
import type { RedirectLogWriter } from './redirectLogStore';

/** Stores one event; resolves once it is stored, rejects when it was not. */
export type StoreLogEvent = (event: RedirectEvent) => Promise<void>;

/**
 * Collects the events submitted in one turn of the event loop and stores them with one
 * `putEvents` call. The batch processor hands every record of an SQS batch to its handler at once,
 * so a batch of ten messages costs one write request instead of ten. Each record still succeeds or
 * fails on its own. An event the table did not take rejects alone, and a failed request rejects
 * every event of that turn.
 */
export function createBatchedLogWrites(writer: RedirectLogWriter): StoreLogEvent {
  let pending: { event: RedirectEvent; resolve: () => void; reject: (error: unknown) => void }[] = [];

  const flush = async (): Promise<void> => {
    const batch = pending;
    pending = [];
    try {
      const unstored = new Set(await writer.putEvents(batch.map((entry) => entry.event)));
      for (const entry of batch) {
        if (unstored.has(entry.event)) {
          entry.reject(new RedirectLogNotStoredError(entry.event.eventId));
        } else {
          entry.resolve();
        }
      }
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    }
  };

  return (event) =>
    new Promise<void>((resolve, reject) => {
      if (pending.length === 0) {
        setImmediate(() => void flush());
      }
      pending.push({ event, resolve, reject });
    });
}
