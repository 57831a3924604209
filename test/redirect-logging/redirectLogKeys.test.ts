import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DEFAULT_SHARD_COUNT, expiresAtOf, logKeyOf, shardOf, sortKeyRange, utcDaysBetween } from '../../functions/redirect-logging/redirectLogKeys';
import { aRedirectEvent } from './support/redirectEvents';

describe('logKeyOf', () => {
  it('keys an event by brand, UTC day, shard and time', () => {
    const event = aRedirectEvent({ eventId: '3f1c2a4e-1111-4222-8333-123456789abc', time: '2026-03-14T15:09:26.535Z' });

    expect(logKeyOf(event, 16)).toEqual({
      pk: `acme#2026-03-14#${shardOf(event.eventId, 16)}`,
      sk: '2026-03-14T15:09:26.535Z#3f1c2a4e-1111-4222-8333-123456789abc',
    });
  });

  it('normalises an offset time to UTC', () => {
    const event = aRedirectEvent({ time: '2026-03-14T22:30:00-05:00' });
    const key = logKeyOf(event, 16);

    expect(key.pk).toMatch(/^acme#2026-03-15#\d+$/);
    expect(key.sk).toBe(`2026-03-15T03:30:00.000Z#${event.eventId}`);
  });
});

describe('shardOf', () => {
  it('returns the same shard for the same id', () => {
    expect(shardOf('3f1c2a4e-1111-4222-8333-123456789abc', 16)).toBe(shardOf('3f1c2a4e-1111-4222-8333-123456789abc', 16));
  });

  it('stays within the shard count', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1, max: 64 }), (eventId, shardCount) => {
        const shard = shardOf(eventId, shardCount);
        expect(Number.isInteger(shard)).toBe(true);
        expect(shard).toBeGreaterThanOrEqual(0);
        expect(shard).toBeLessThan(shardCount);
      }),
    );
  });

  it('spreads random ids over every shard', () => {
    const counts = new Array<number>(DEFAULT_SHARD_COUNT).fill(0);
    for (let index = 0; index < 16_000; index++) {
      counts[shardOf(randomUUID(), DEFAULT_SHARD_COUNT)]! += 1;
    }

    // 1,000 expected per shard; the binomial standard deviation is about 31, so 800 to 1,200 is over six of them.
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });
});

describe('utcDaysBetween', () => {
  it.each([
    ['one day', '2026-03-14T01:00:00Z', '2026-03-14T23:00:00Z', ['2026-03-14']],
    ['across midnight', '2026-03-14T23:00:00Z', '2026-03-15T01:00:00Z', ['2026-03-14', '2026-03-15']],
    ['across a month end', '2026-02-27T12:00:00Z', '2026-03-02T00:00:00Z', ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']],
  ])('lists %s', (_case, since, until, days) => {
    expect(utcDaysBetween(new Date(since), new Date(until))).toEqual(days);
  });
});

describe('sortKeyRange', () => {
  it('includes events at both ends', () => {
    const since = new Date('2026-03-14T10:00:00.000Z');
    const until = new Date('2026-03-14T11:00:00.000Z');
    const { from, to } = sortKeyRange(since, until);
    const eventId = 'ffffffff-ffff-4fff-bfff-ffffffffffff';

    expect(`${since.toISOString()}#${eventId}` >= from).toBe(true);
    expect(`${until.toISOString()}#${eventId}` <= to).toBe(true);
    expect(`2026-03-14T11:00:00.001Z#${eventId}` <= to).toBe(false);
  });
});

describe('expiresAtOf', () => {
  it('adds the retention to the event time in epoch seconds', () => {
    const event = aRedirectEvent({ time: '2026-03-14T00:00:00.900Z' });

    expect(expiresAtOf(event, 90)).toBe(Date.parse('2026-03-14T00:00:00Z') / 1000 + 90 * 86_400);
  });
});
