import { InvalidPublishRunError } from './publishErrors';
import { isRfc3339 } from './publishRun';

/**
 * How far ahead an activation may be scheduled. The state machine's `TimeoutSeconds` (15 days)
 * must stay above it, and the local runner sleeps with `setTimeout`, which fires at once for a
 * delay above 2^31 - 1 ms (about 24.8 days).
 */
export const MAX_SCHEDULE_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Normalises an activation time to UTC RFC 3339 (`2030-01-31T09:00:00.000Z`). Throws
 * `InvalidPublishRunError` for text that is not an RFC 3339 date-time with a time zone, and for a
 * time more than `MAX_SCHEDULE_DAYS` after `now`. A time in the past activates at once.
 */
export function checkActivationTime(brand: string, activateAt: string, now: Date): string {
  if (!isRfc3339(activateAt)) {
    throw new InvalidPublishRunError(brand, `activation time "${activateAt}" is not an RFC 3339 date-time with a time zone, such as 2030-01-31T09:00:00Z`);
  }

  const time = Date.parse(activateAt);
  if (time - now.getTime() > MAX_SCHEDULE_DAYS * DAY_MS) {
    throw new InvalidPublishRunError(brand, `activation time ${activateAt} is more than ${MAX_SCHEDULE_DAYS} days ahead; pick an earlier time`);
  }

  return new Date(time).toISOString();
}
