/**
 * Base of every error the publish workflow raises on purpose. `code` is stable for programs, and
 * `name` is what the state machine's `Retry` and `Catch` match on, so neither changes.
 */
export class PublishError extends Error {
  readonly code: string = 'publish_error';

  constructor(
    message: string,
    readonly brand: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PublishError';
  }
}

/** The draft broke at least one validation rule; the message lists every error, one per line. */
export class ValidationFailed extends PublishError {
  override readonly code = 'validation_failed';

  constructor(
    brand: string,
    readonly errors: string[],
  ) {
    super(listLines(`Rule set of brand "${brand}" failed validation with ${errors.length} error(s)`, errors), brand);
    this.name = 'ValidationFailed';
  }
}

/** At least one of the brand's expectations did not hold; the message lists each failure, one per line. */
export class ExpectationsFailed extends PublishError {
  override readonly code = 'expectations_failed';

  constructor(
    brand: string,
    readonly failures: string[],
    readonly total: number,
  ) {
    super(listLines(`${failures.length} of ${total} expectation(s) of brand "${brand}" failed`, failures), brand);
    this.name = 'ExpectationsFailed';
  }
}

/** The execution input of the workflow, or of one task, does not have the shape the workflow passes between states. */
export class InvalidPublishRunError extends PublishError {
  override readonly code = 'invalid_publish_run';

  constructor(
    brand: string,
    /** Description of the problem, without the brand: e.g. `activateAt "tomorrow" is not an RFC 3339 date-time ...`. */
    readonly problem: string,
  ) {
    super(`Invalid publish run input${brand ? ` for brand "${brand}"` : ''}: ${problem}`, brand);
    this.name = 'InvalidPublishRunError';
  }
}

/** A rollback that has no version to go back to, or whose target is missing or already active. */
export class RollbackNotPossibleError extends PublishError {
  override readonly code = 'rollback_not_possible';

  constructor(brand: string, reason: string) {
    super(`Cannot roll back brand "${brand}": ${reason}`, brand);
    this.name = 'RollbackNotPossibleError';
  }
}

/**
 * Error names that mean the rule set itself was rejected, as opposed to a failure of the workflow.
 * The task functions rethrow every `RuleSetError` subclass under the base name `RuleSetError`.
 */
export const REJECTION_ERROR_NAMES: ReadonlySet<string> = new Set(['ValidationFailed', 'ExpectationsFailed', 'RuleSetError']);

/** Items shown in a message; a Step Functions error cause stops at 32,768 characters. */
const MAX_LISTED = 25;

function listLines(summary: string, items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).map((item) => `- ${item}`);
  const hidden = items.length - shown.length;
  const more = hidden > 0 ? [`- and ${hidden} more`] : [];

  return [`${summary}:`, ...shown, ...more].join('\n');
}

/** `--stage` needs the ARN of the deployed publish state machine, and none is configured. */
export class StateMachineNotConfiguredError extends PublishError {
  override readonly code = 'state_machine_not_configured';

  constructor(readonly stage: string) {
    super(
      `No publish state machine configured for stage "${stage}": set FORM_ROUTER_PUBLISH_STATE_MACHINE_ARN to the ` +
        `PublishStateMachineArn output of the form-router-${stage} stack`,
      '',
    );
    this.name = 'StateMachineNotConfiguredError';
  }
}

/** Step Functions did not start the execution; `cause` is the SDK error. */
export class WorkflowStartError extends PublishError {
  override readonly code = 'workflow_start_failed';

  constructor(brand: string, publishId: string, stateMachineArn: string, cause: unknown) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`Could not start publish run ${publishId} of brand "${brand}" on ${stateMachineArn}: ${reason}`, brand, { cause });
    this.name = 'WorkflowStartError';
  }
}
