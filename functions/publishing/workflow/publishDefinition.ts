import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';

/**
 * The publish state machine, the file that `serverless.yml` deploys as well. Its task states name
 * their Lambda function as `{ "Fn::GetAtt": [<function>, "Arn"] }`, which serverless-step-functions
 * turns into the function's ARN at packaging time. The local runner never reads a `Resource`,
 * because it runs every task state through a local handler instead.
 */
export const PUBLISH_DEFINITION_PATH = resolve(__dirname, '../../../statemachines/publish.asl.json');

/** Reads and parses the definition. Throws when the file is missing or is not JSON. */
export function loadPublishDefinition(path: string = PUBLISH_DEFINITION_PATH): StateMachineDefinition {
  return JSON.parse(readFileSync(path, 'utf8')) as StateMachineDefinition;
}

/** Names of the definition's task states, in file order. */
export function taskStateNames(definition: StateMachineDefinition): string[] {
  return Object.entries(definition.States)
    .filter(([, state]) => state.Type === 'Task')
    .map(([name]) => name);
}
