import { randomUUID } from 'node:crypto';
import type { RedirectEvent } from '../../redirect-logging/redirectEvent';
import type { ResolveResult } from '../resolveForm';

/** Brand recorded for requests naming no known brand, so that arbitrary input never becomes a log partition key. */
export const UNKNOWN_BRAND = '_unknown';

/** Builds the one redirect event of a resolve or redirect request. */
export function redirectEventOf(
  endpoint: RedirectEvent['endpoint'],
  result: ResolveResult,
  finalUrl: string | null,
  startedAt: Date,
  latencyMs: number,
): RedirectEvent {
  const { facts } = result;
  const resolution = result.ok ? result.resolution : undefined;

  return {
    eventId: randomUUID(),
    time: startedAt.toISOString(),
    endpoint,
    brand: facts.brand ?? UNKNOWN_BRAND,
    product: facts.product,
    language: facts.language,
    zip: facts.zip,
    state: facts.state,
    stateInferred: facts.stateInferred,
    outcome: resolution ? resolution.reason : result.ok ? 'rule' : result.failure.code === 'internal_error' ? 'error' : 'invalid_input',
    errorCode: result.ok ? null : result.failure.code,
    form: resolution?.form ?? null,
    ruleId: resolution?.ruleId ?? null,
    rulesetVersion: result.table?.version ?? null,
    url: finalUrl,
    latencyMs: Math.round(latencyMs * 1000) / 1000,
  };
}
