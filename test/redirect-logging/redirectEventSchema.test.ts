import fc from 'fast-check';
import { InvalidRedirectEventError } from '../../functions/redirect-logging/errors';
import { REDIRECT_OUTCOMES } from '../../functions/redirect-logging/redirectEvent';
import { parseRedirectEvent, parseRedirectEventJson } from '../../functions/redirect-logging/redirectEventSchema';
import { US_STATES } from '../../functions/shared/usStates';
import { aRedirectEvent } from './support/redirectEvents';

function problemsOf(value: unknown): string[] {
  try {
    parseRedirectEvent(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRedirectEventError);
    return (error as InvalidRedirectEventError).problems;
  }
  throw new Error('expected the event to be rejected');
}

describe('parseRedirectEvent', () => {
  it('accepts a complete event', () => {
    const event = aRedirectEvent();

    expect(parseRedirectEvent(event)).toEqual(event);
  });

  it('accepts an invalid-input event with nulls', () => {
    const event = aRedirectEvent({
      brand: '_unknown', product: null, language: null, zip: null, state: null, outcome: 'invalid_input',
      errorCode: 'unknown_brand', form: null, ruleId: null, rulesetVersion: null, url: null,
    });

    expect(parseRedirectEvent(event)).toEqual(event);
  });

  it('accepts a time with an offset', () => {
    const event = aRedirectEvent({ time: '2026-03-14T10:09:26-05:00' });

    expect(parseRedirectEvent(event).time).toBe('2026-03-14T10:09:26-05:00');
  });

  it.each([
    ['a missing field', { zip: undefined }, '/ is missing field "zip"'],
    ['an unknown state', { state: 'XX' }, '/state "XX" must be one of'],
    ['an unknown outcome', { outcome: 'lost' }, '/outcome "lost" must be one of'],
    ['a 4-digit ZIP', { zip: '2134' }, '/zip "2134" must match pattern'],
    ['a brand with a separator', { brand: 'acme#1' }, '/brand "acme#1" must match pattern'],
    ['a non-UUID event id', { eventId: 'abc' }, '/eventId "abc" must match pattern'],
    ['a time without offset', { time: '2026-03-14T10:09:26' }, '/time "2026-03-14T10:09:26" must match pattern'],
    ['a day that does not exist', { time: '2026-02-30T10:00:00Z' }, '/time "2026-02-30T10:00:00Z" is not a real date and time'],
    ['hour 24', { time: '2026-02-10T24:00:00Z' }, '/time "2026-02-10T24:00:00Z" is not a real date and time'],
    ['a negative latency', { latencyMs: -1 }, '/latencyMs -1 must be >= 0'],
    ['version zero', { rulesetVersion: 0 }, '/rulesetVersion 0 must be >= 1'],
    ['an http URL', { url: 'http://quotes.acme.example/' }, '/url "http://quotes.acme.example/" must match pattern'],
    ['a string flag', { stateInferred: 'false' }, '/stateInferred "false" must be boolean'],
  ])('rejects %s', (_case, overrides, expected) => {
    const problems = problemsOf({ ...aRedirectEvent(), ...overrides });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it('rejects an unknown field', () => {
    expect(problemsOf({ ...aRedirectEvent(), referrer: 'x' })).toEqual(['/ has unknown field "referrer"']);
  });

  it.each([null, 'text', 42, []])('rejects %p', (value) => {
    expect(problemsOf(value).length).toBeGreaterThan(0);
  });

  it('cuts an oversized value in the message', () => {
    const url = `https://quote.acme.example/?utm_term=${'x'.repeat(9000)}`;

    expect(() => parseRedirectEvent({ ...aRedirectEvent(), url })).toThrow(/\/url "https:\/\/quote[^"]*\.\.\. \(\d+ characters\) must NOT have more than 8192 characters/);
  });

  it('lists every problem of one event', () => {
    expect(problemsOf({ ...aRedirectEvent(), zip: 1, state: 'XX', outcome: 'lost' })).toHaveLength(3);
  });

  it('accepts every generated valid event', () => {
    const events = fc.record({
      product: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{1,30}$/)),
      zip: fc.option(fc.stringMatching(/^[0-9]{5}$/)),
      state: fc.option(fc.constantFrom(...US_STATES)),
      outcome: fc.constantFrom(...REDIRECT_OUTCOMES),
      time: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((date) => date.toISOString()),
      latencyMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
      rulesetVersion: fc.option(fc.integer({ min: 1, max: 1e6 })),
    });

    fc.assert(
      fc.property(events, (overrides) => {
        const event = aRedirectEvent(overrides);
        expect(parseRedirectEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
      }),
    );
  });
});

describe('parseRedirectEventJson', () => {
  it('parses a message body', () => {
    const event = aRedirectEvent();

    expect(parseRedirectEventJson(JSON.stringify(event))).toEqual(event);
  });

  it('rejects text that is not JSON', () => {
    expect(() => parseRedirectEventJson('{"eventId":')).toThrow(/body is not JSON/);
  });
});
