import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { logger } from '../../shared/logger';
import { StateMachineNotConfiguredError, WorkflowStartError } from '../publishErrors';
import type { PublishRun } from '../publishRun';
import type { PublishWorkflowRunner, WorkflowRunResult } from './publishWorkflowRunner';

export interface SfnWorkflowStarterOptions {
  client: SFNClient;
  /** ARN of the deployed publish state machine; `undefined` when the configuration names none. */
  stateMachineArn: string | undefined;
  /** The stage the ARN belongs to, named in the error when it is missing. */
  stage: string;
}

/**
 * Starts executions of the deployed publish state machine and returns once Step Functions has
 * started one. The run goes on in AWS and writes its outcome to the history. Throws
 * `StateMachineNotConfiguredError` at construction when no ARN is configured.
 */
export class SfnWorkflowStarter implements PublishWorkflowRunner {
  private readonly stateMachineArn: string;

  constructor(private readonly options: SfnWorkflowStarterOptions) {
    if (options.stateMachineArn === undefined || options.stateMachineArn.trim() === '') {
      throw new StateMachineNotConfiguredError(options.stage);
    }
    this.stateMachineArn = options.stateMachineArn;
  }

  /**
   * Starts an execution named `run.publishId`. Step Functions runs a name at most once in 90 days:
   * a repeated start with the same input while the first execution is open returns that execution,
   * and any other repeat fails with `ExecutionAlreadyExists` (StartExecution API reference).
   * Throws `WorkflowStartError` wrapping the SDK error when the start fails.
   */
  async run(run: PublishRun): Promise<WorkflowRunResult> {
    const command = new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: run.publishId, input: JSON.stringify(run) });

    try {
      const { executionArn } = await this.options.client.send(command);
      logger.info('publish run started', { brand: run.brand, publishId: run.publishId, executionArn });
      return { status: 'started', executionArn: executionArn ?? '' };
    } catch (error) {
      throw new WorkflowStartError(run.brand, run.publishId, this.stateMachineArn, error);
    }
  }
}
