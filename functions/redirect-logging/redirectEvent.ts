/** Outcome of a request: the chosen form, or the fallback with the reason. */
export const REDIRECT_OUTCOMES = ['rule', 'fallback', 'not_served', 'invalid_input', 'error'] as const;
export type RedirectOutcome = (typeof REDIRECT_OUTCOMES)[number];

/** One record per resolve or redirect. Field values that were not known (an invalid ZIP has no state) are `null`. */
export interface RedirectEvent {
  /** UUID; the log table's idempotency key. */
  eventId: string;
  /** ISO 8601 time the request arrived. */
  time: string;
  /** `redirect` for `GET /v1/redirect`, `resolve` for both `/v1/resolve` methods. */
  endpoint: 'redirect' | 'resolve';
  brand: string;
  product: string | null;
  language: string | null;
  zip: string | null;
  state: string | null;
  stateInferred: boolean;
  outcome: RedirectOutcome;
  /** Error code for `invalid_input` and `error` outcomes. */
  errorCode: string | null;
  form: string | null;
  ruleId: string | null;
  rulesetVersion: number | null;
  /** Final URL sent to the visitor, or `null` when an error response was returned. */
  url: string | null;
  /** Milliseconds spent resolving, measured inside the handler. */
  latencyMs: number;
}

/** Destination of redirect events. Implementations do not throw: an event they cannot send is logged instead. */
export interface RedirectEventSink {
  send(event: RedirectEvent): Promise<void>;
  /** Sends whatever is buffered; called on shutdown. */
  flush(): Promise<void>;
}
