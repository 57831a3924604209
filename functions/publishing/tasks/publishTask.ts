import { DynamoRuleStore } from '../../rule-store/dynamoRuleStore';
import { RuleSetError } from '../../ruleset/errors';
import { loadConfig } from '../../shared/config';
import { createPublishDependencies } from '../publishDependencies';
import type { PublishDependencies } from '../publishDependencies';

/**
 * One task state of the publish workflow: takes the state input, returns the state output. Every
 * error it throws keeps a `name` that the state machine's `Retry` and `Catch` can match.
 */
export type PublishTaskHandler = (input: unknown) => Promise<unknown>;

/** A task bound to nothing yet: the Lambda handler binds it to the process's dependencies, the local runner to its own. */
export type PublishTask = (deps: PublishDependencies) => PublishTaskHandler;

/**
 * Defines a task from the step it runs. A `RuleSetError` subclass (`RuleConflictError`, ...) is
 * rethrown as a plain `RuleSetError` whose message starts with the subclass name, so that the
 * workflow matches one name for every rule set the compiler rejects.
 */
export function definePublishTask(step: (deps: PublishDependencies, input: unknown) => Promise<unknown>): PublishTask {
  return (deps) => async (input) => {
    try {
      return await step(deps, input);
    } catch (error) {
      throw asWorkflowError(error);
    }
  };
}

let lambdaDependencies: PublishDependencies | undefined;

/** Turns a task into a Lambda handler whose dependencies are created once per process from the configuration. */
export function lambdaHandlerOf(task: PublishTask): (event: unknown) => Promise<unknown> {
  let handler: PublishTaskHandler | undefined;

  return (event) => {
    handler ??= task(defaultDependencies());
    return handler(event);
  };
}

function defaultDependencies(): PublishDependencies {
  if (lambdaDependencies === undefined) {
    const config = loadConfig();
    lambdaDependencies = createPublishDependencies(new DynamoRuleStore({ tableName: config.rulesTable }), config.serviceHosts);
  }

  return lambdaDependencies;
}

function asWorkflowError(error: unknown): unknown {
  if (!(error instanceof RuleSetError) || error.name === 'RuleSetError') {
    return error;
  }

  return new RuleSetError(`${error.name}: ${error.message}`, error.brand, { cause: error });
}
