import { MAX_SCHEDULE_DAYS, checkActivationTime } from '../../functions/publishing/activationTime';
import { InvalidPublishRunError } from '../../functions/publishing/publishErrors';

const NOW = new Date('2030-01-01T00:00:00Z');

describe('checkActivationTime', () => {
  it.each([
    ['2030-01-02T09:30:00Z', '2030-01-02T09:30:00.000Z'],
    ['2030-01-02T09:30:00+02:00', '2030-01-02T07:30:00.000Z'],
    ['2029-12-31T00:00:00.5Z', '2029-12-31T00:00:00.500Z'],
  ])('normalises %s to UTC', (input, expected) => {
    expect(checkActivationTime('acme', input, NOW)).toBe(expected);
  });

  it.each(['tomorrow', '2030-01-02', '2030-01-02T09:30:00', '2030-13-02T09:30:00Z'])('rejects %s', (input) => {
    expect(() => checkActivationTime('acme', input, NOW)).toThrow(InvalidPublishRunError);
  });

  it('rejects a time beyond the schedule limit', () => {
    const tooLate = new Date(NOW.getTime() + (MAX_SCHEDULE_DAYS + 1) * 24 * 3600 * 1000).toISOString();

    expect(() => checkActivationTime('acme', tooLate, NOW)).toThrow(`more than ${MAX_SCHEDULE_DAYS} days ahead`);
  });
});
