import { readLogLine } from '../../functions/redirect-logging/unsentEventLogLine';
import { UNSENT_EVENT_MESSAGE, UnsentEventRecorder } from '../../functions/redirect-logging/unsentRedirectEvents';
import { UNSENT_EVENTS_METRIC } from '../../functions/redirect-logging/redirectLoggingMetrics';
import { CapturingLogger, CountingMetrics } from './support/capturingLogger';
import { aRedirectEvent } from './support/redirectEvents';

describe('UnsentEventRecorder', () => {
  it('logs each event completely and counts them', () => {
    const logger = new CapturingLogger();
    const metrics = new CountingMetrics();
    const events = [aRedirectEvent(), aRedirectEvent()];

    new UnsentEventRecorder(logger, metrics).record(events, 'send_failed', new Error('connect ECONNREFUSED'));
    const records = logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>);

    expect(records.map((record) => record.message)).toEqual([UNSENT_EVENT_MESSAGE, UNSENT_EVENT_MESSAGE]);
    expect(records.map((record) => record.redirectEvent)).toEqual(events);
    expect(records.map((record) => record.reason)).toEqual(['send_failed', 'send_failed']);
    expect(records[0]?.level).toBe('WARN');
    expect(metrics.totals.get(UNSENT_EVENTS_METRIC)).toBe(2);
    expect(metrics.published).toBe(1);
  });

  it('records nothing for no events', () => {
    const logger = new CapturingLogger();
    const metrics = new CountingMetrics();

    new UnsentEventRecorder(logger, metrics).record([], 'send_failed');

    expect(logger.lines).toEqual([]);
    expect(metrics.published).toBe(0);
  });
});

describe('readLogLine', () => {
  const event = aRedirectEvent();
  const line = JSON.stringify({ level: 'WARN', message: UNSENT_EVENT_MESSAGE, redirectEvent: event, reason: 'send_failed' });

  it('reads an unsent event', () => {
    expect(readLogLine(line)).toEqual({ kind: 'unsent_event', event });
  });

  it('reads an unsent event after a prefix', () => {
    expect(readLogLine(`2026-03-14T15:09:26.535Z\t8f0c\tWARN\t${line}`)).toEqual({ kind: 'unsent_event', event });
  });

  it('reads a line a Powertools logger wrote', () => {
    const logger = new CapturingLogger();

    new UnsentEventRecorder(logger, new CountingMetrics()).record([event], 'send_timed_out');

    expect(readLogLine(logger.lines[0] ?? '')).toEqual({ kind: 'unsent_event', event });
  });

  it('reports an unsent line with an invalid event', () => {
    const broken = JSON.stringify({ message: UNSENT_EVENT_MESSAGE, redirectEvent: { ...event, zip: 'abc' } });

    expect(readLogLine(broken)).toEqual({ kind: 'invalid_unsent_event', problem: expect.stringContaining('/zip "abc"') });
  });

  it.each([
    ['plain text', 'server started'],
    ['another message', JSON.stringify({ message: 'stopping', redirectEvent: event })],
    ['broken JSON', `{"message":"${UNSENT_EVENT_MESSAGE}",`],
    ['a JSON array', '[1,2]'],
  ])('skips %s', (_case, text) => {
    expect(readLogLine(text)).toEqual({ kind: 'other' });
  });
});
