import { createBatchedLogWrites } from '../../functions/redirect-logging/batchedLogWrites';
import { RedirectLogNotStoredError } from '../../functions/redirect-logging/errors';
import type { RedirectEvent } from '../../functions/redirect-logging/redirectEvent';
import type { RedirectLogWriter } from '../../functions/redirect-logging/redirectLogStore';
import { redirectEvents } from './support/redirectEvents';

/** Creates a writer that records each `putEvents` call and leaves the chosen events unstored. */
function recordingWriter(unstored: (events: readonly RedirectEvent[]) => RedirectEvent[] = () => []) {
  const calls: RedirectEvent[][] = [];
  const writer: RedirectLogWriter = {
    putEvent: async () => 'stored',
    putEvents: async (events) => {
      calls.push([...events]);
      return unstored(events);
    },
  };
  return { writer, calls };
}

describe('createBatchedLogWrites', () => {
  it('writes the events of one turn together', async () => {
    const { writer, calls } = recordingWriter();
    const store = createBatchedLogWrites(writer);
    const events = redirectEvents(10);

    await Promise.all(events.map((event) => store(event)));

    expect(calls).toEqual([events]);
  });

  it('rejects only the events the table left unstored', async () => {
    const events = redirectEvents(3);
    const { writer } = recordingWriter(() => [events[1]!]);
    const store = createBatchedLogWrites(writer);

    const results = await Promise.allSettled(events.map((event) => store(event)));

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(RedirectLogNotStoredError);
  });

  it('rejects every event of a failed request', async () => {
    const writer: RedirectLogWriter = { putEvent: async () => 'stored', putEvents: async () => Promise.reject(new Error('table unreachable')) };
    const store = createBatchedLogWrites(writer);

    const results = await Promise.allSettled(redirectEvents(2).map((event) => store(event)));

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('starts a new batch in the next turn', async () => {
    const { writer, calls } = recordingWriter();
    const store = createBatchedLogWrites(writer);
    const [first, second] = redirectEvents(2);

    await store(first!);
    await store(second!);

    expect(calls).toEqual([[first], [second]]);
  });
});
