import type { PublishRun } from '../publishRun';

/** End state of one execution of the publish workflow, or `started` when it goes on in AWS. */
export type WorkflowRunResult =
  | { status: 'succeeded' }
  | { status: 'failed'; error: string; cause: string }
  | { status: 'started'; executionArn: string };

/**
 * Runs the publish state machine. The local runner executes it in process and resolves when the
 * execution ends; the Step Functions starter resolves once AWS has started it.
 */
export interface PublishWorkflowRunner {
  /** Runs one execution named `run.publishId` with `run` as its input. */
  run(run: PublishRun): Promise<WorkflowRunResult>;
}
