/**
 * Base of every error the redirect-logging context raises on purpose. `code` is stable for
 * programs and `name` is what a log search or a dead-letter inspection matches on. Storage and
 * queue errors that the code does not expect reach the caller intact.
 */
export class RedirectLoggingError extends Error {
  readonly code: string = 'redirect_logging_error';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RedirectLoggingError';
  }
}

/** A queue message or a log line does not contain a valid redirect event. */
export class InvalidRedirectEventError extends RedirectLoggingError {
  override readonly code = 'invalid_redirect_event';

  constructor(
    message: string,
    /** Each problem found, as `<JSON pointer> <what is accepted>`. */
    readonly problems: string[],
  ) {
    super(message);
    this.name = 'InvalidRedirectEventError';
  }
}

/** A log query names an invalid date, or a time range that ends before it starts. */
export class InvalidTimeRangeError extends RedirectLoggingError {
  override readonly code = 'invalid_time_range';

  constructor(
    readonly since: Date,
    readonly until: Date,
  ) {
    super(describeRange(since, until));
    this.name = 'InvalidTimeRangeError';
  }
}

function describeRange(since: Date, until: Date): string {
  if (Number.isNaN(since.getTime()) || Number.isNaN(until.getTime())) {
    const invalidField = Number.isNaN(since.getTime()) ? 'since' : 'until';
    return `Invalid time range: ${invalidField} is an invalid Date; pass two valid dates`;
  }
  return `Invalid time range: since ${since.toISOString()} is after until ${until.toISOString()}; pass since <= until`;
}

/** The log table did not take an event after the retries of a batch write; the message is delivered again. */
export class RedirectLogNotStoredError extends RedirectLoggingError {
  override readonly code = 'redirect_log_not_stored';

  constructor(readonly eventId: string) {
    super(`Redirect event ${eventId} was not stored: the log table left it unprocessed after every retry`);
    this.name = 'RedirectLogNotStoredError';
  }
}
