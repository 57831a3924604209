// The polyfill comes first: aws-local-stepfunctions calls Promise.withResolvers in every task state.
import './promiseWithResolversPolyfill';
import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';
import type { RunOptions, StateMachineDefinition } from 'aws-local-stepfunctions';
import { logger } from '../../shared/logger';
import type { RuleStore } from '../../rule-store/ruleStore';
import { createPublishDependencies } from '../publishDependencies';
import type { PublishDependencies } from '../publishDependencies';
import type { PublishRun } from '../publishRun';
import type { PublishTaskHandler } from '../tasks/publishTask';
import { loadPublishDefinition, taskStateNames } from './publishDefinition';
import { PUBLISH_TASK_STATES } from './publishTaskStates';
import type { PublishTaskState } from './publishTaskStates';
import type { PublishWorkflowRunner, WorkflowRunResult } from './publishWorkflowRunner';

type Overrides = NonNullable<RunOptions['overrides']>;
type LocalHandlers = NonNullable<Overrides['taskResourceLocalHandlers']>;

/** Replaces one task state's handler; `next` is the handler it replaces. */
export type TaskOverride = (input: unknown, next: PublishTaskHandler) => Promise<unknown>;

export interface LocalWorkflowRunnerOptions {
  deps: PublishDependencies;
  /** Defaults to `statemachines/publish.asl.json`. */
  definition?: StateMachineDefinition;
  /** Milliseconds that the named `Wait` states pause instead of waiting for their timestamp. */
  waitTimeOverrides?: Overrides['waitTimeOverrides'];
  /** Milliseconds that the named states pause before a retry, instead of their `Retry` intervals. */
  retryIntervalOverrides?: Overrides['retryIntervalOverrides'];
  /** Handlers that stand in for the named task states, e.g. one that fails once before calling `next`. */
  taskOverrides?: Partial<Record<PublishTaskState, TaskOverride>>;
}

/**
 * Runs the publish state machine in process with aws-local-stepfunctions, each task state mapped
 * to its task by state name (`taskResourceLocalHandlers`), so the very file that AWS runs decides
 * the order, retries and catches. Throws at construction when the definition's task states and the
 * local tasks differ.
 */
export class LocalWorkflowRunner implements PublishWorkflowRunner {
  private readonly machine: StateMachine;
  private readonly handlers: LocalHandlers;

  constructor(private readonly options: LocalWorkflowRunnerOptions) {
    const definition = options.definition ?? loadPublishDefinition();
    checkTaskStates(definition);

    this.machine = new StateMachine(definition);
    this.handlers = localHandlers(options);
  }

  /** Runs one execution to its end; an execution that ends in a `Fail` state resolves as `failed`. */
  async run(run: PublishRun): Promise<WorkflowRunResult> {
    const execution = this.machine.run(JSON.parse(JSON.stringify(run)), {
      overrides: {
        taskResourceLocalHandlers: this.handlers,
        waitTimeOverrides: this.options.waitTimeOverrides,
        retryIntervalOverrides: this.options.retryIntervalOverrides,
      },
      context: { Execution: { Name: run.publishId } },
    });

    try {
      await execution.result;
      return { status: 'succeeded' };
    } catch (error) {
      return failureOf(run, error);
    }
  }
}

/**
 * Creates the runner that `npm start` and the command line use: the real tasks on `store`, with the
 * state machine's own waits and retry intervals. `serviceHosts` are the hosts no form URL may name.
 */
export function createLocalWorkflowRunner(store: RuleStore, serviceHosts: string[] = []): LocalWorkflowRunner {
  return new LocalWorkflowRunner({ deps: createPublishDependencies(store, serviceHosts) });
}

function localHandlers(options: LocalWorkflowRunnerOptions): LocalHandlers {
  const handlers: LocalHandlers = {};
  for (const [state, task] of Object.entries(PUBLISH_TASK_STATES)) {
    const handler = task(options.deps);
    const override = options.taskOverrides?.[state as PublishTaskState];
    const run = override ? (input: unknown) => override(input, handler) : handler;
    handlers[state] = async (input) => (await run(input)) as Awaited<ReturnType<LocalHandlers[string]>>;
  }

  return handlers;
}

function checkTaskStates(definition: StateMachineDefinition): void {
  const inFile = taskStateNames(definition);
  const local = Object.keys(PUBLISH_TASK_STATES);
  const withoutHandler = inFile.filter((name) => !local.includes(name));
  const notInFile = local.filter((name) => !inFile.includes(name));
  if (withoutHandler.length > 0 || notInFile.length > 0) {
    throw new Error(
      `The publish definition and the local tasks differ: task states without a local task: ${withoutHandler.join(', ') || 'none'}; ` +
        `local tasks without a task state: ${notInFile.join(', ') || 'none'}`,
    );
  }
}

function failureOf(run: PublishRun, error: unknown): WorkflowRunResult {
  if (!(error instanceof ExecutionError)) {
    throw error;
  }

  const cause = error.cause instanceof Error ? error.cause : new Error(String(error.cause));
  logger.info('publish run failed', { brand: run.brand, publishId: run.publishId, error: cause.name });
  return { status: 'failed', error: cause.name, cause: cause.message };
}
