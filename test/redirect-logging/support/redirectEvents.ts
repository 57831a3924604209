import { randomUUID } from 'node:crypto';
import type { RedirectEvent } from '../../../functions/redirect-logging/redirectEvent';

/** Returns a valid redirect event; `overrides` replace single fields. */
export function aRedirectEvent(overrides: Partial<RedirectEvent> = {}): RedirectEvent {
  return {
    eventId: randomUUID(),
    time: new Date().toISOString(),
    endpoint: 'redirect',
    brand: 'acme',
    product: 'auto',
    language: 'en',
    zip: '02134',
    state: 'MA',
    stateInferred: false,
    outcome: 'rule',
    errorCode: null,
    form: 'auto-online',
    ruleId: 'ma-auto-online',
    rulesetVersion: 3,
    url: 'https://quotes.acme.example/auto?zip=02134',
    latencyMs: 0.42,
    ...overrides,
  };
}

/**
 * `count` valid events one millisecond apart, starting at `start` (default: `count` ms ago, so
 * they are never expired), spread over a few outcomes and states.
 */
export function redirectEvents(count: number, start = new Date(Date.now() - count)): RedirectEvent[] {
  const states = ['MA', 'TX', 'CA', 'FL'] as const;

  return Array.from({ length: count }, (_, index) =>
    aRedirectEvent({
      time: new Date(start.getTime() + index).toISOString(),
      state: states[index % states.length] ?? 'MA',
      outcome: index % 10 === 0 ? 'fallback' : 'rule',
    }),
  );
}
