import { randomUUID } from 'node:crypto';
import type { RedirectEvent, RedirectOutcome } from '../../redirect-logging/redirectEvent';
import type { ResolveResult } from '../resolveForm';

/** Brand recorded for requests naming no known brand, so that arbitrary input never becomes a log partition key. */
export const UNKNOWN_BRAND = '_unknown';

/**
 * Builds the one redirect event of a resolve or redirect request. `startedAt` is in milliseconds
 * since the epoch.
 */
export function redirectEventOf(
  endpoint: RedirectEvent['endpoint'],
  result: ResolveResult,
  finalUrl: string | null,
  startedAt: number,
  latencyMs: number,
): RedirectEvent {
  const facts = result.facts;
  const resolution = result.ok ? result.resolution : undefined;

  return {
    eventId: randomUUID(),
    time: isoTime(startedAt),
    endpoint,
    brand: facts.brand ?? UNKNOWN_BRAND,
    product: facts.product,
    language: facts.language,
    zip: facts.zip,
    state: facts.state,
    stateInferred: facts.stateInferred,
    outcome: outcomeOf(result),
    errorCode: result.ok ? null : result.failure.code,
    form: resolution ? resolution.form : null,
    ruleId: resolution ? resolution.ruleId : null,
    rulesetVersion: result.table ? result.table.version : null,
    url: finalUrl,
    latencyMs: Math.round(latencyMs * 1000) / 1000,
  };
}

function outcomeOf(result: ResolveResult): RedirectOutcome {
  if (result.ok) {
    return result.resolution.reason;
  }

  return result.failure.code === 'internal_error' ? 'error' : 'invalid_input';
}

let lastIsoMillis = Number.NaN;
let lastIsoTime = '';

/**
 * Formats epoch milliseconds as ISO 8601. Requests arriving in the same millisecond share the
 * string, because `Date.prototype.toISOString` costs more than the rest of the event.
 */
function isoTime(millis: number): string {
  if (millis !== lastIsoMillis) {
    lastIsoTime = new Date(millis).toISOString();
    lastIsoMillis = millis;
  }
  return lastIsoTime;
}
