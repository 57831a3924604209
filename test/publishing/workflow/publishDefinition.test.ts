import { readdirSync } from 'node:fs';
import path from 'node:path';
import aslValidator from 'asl-validator';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { REJECTION_ERROR_NAMES } from '../../../functions/publishing/publishErrors';
import { PUBLISH_DEFINITION_PATH, loadPublishDefinition, taskStateNames } from '../../../functions/publishing/workflow/publishDefinition';
import { PUBLISH_TASK_STATES } from '../../../functions/publishing/workflow/publishTaskStates';

const STATE_MACHINES_DIR = path.dirname(PUBLISH_DEFINITION_PATH);
const definition = loadPublishDefinition();
const taskStates = taskStateNames(definition);

type TaskState = { Resource: unknown; Retry?: { ErrorEquals: string[] }[]; Catch?: { ErrorEquals: string[]; ResultPath?: string; Next: string }[] };

function stateOf(name: string): TaskState {
  return definition.States[name] as unknown as TaskState;
}

describe('statemachines/', () => {
  it.each(readdirSync(STATE_MACHINES_DIR).filter((file) => file.endsWith('.json')))('%s passes asl-validator', (file) => {
    const { isValid, errorsText } = aslValidator(loadPublishDefinition(path.join(STATE_MACHINES_DIR, file)), { checkArn: true, checkPaths: true });

    expect(isValid ? '' : errorsText('\n')).toBe('');
  });
});

describe('publish definition', () => {
  it('has a local task for each task state', () => {
    expect([...taskStates].sort()).toEqual(Object.keys(PUBLISH_TASK_STATES).sort());
  });

  it.each(taskStates)('names the Lambda function of its task in %s', async (state) => {
    const resource = stateOf(state).Resource as { 'Fn::GetAtt': [string, string] };
    const [functionKey, attribute] = resource['Fn::GetAtt'];
    const moduleName = functionKey.replace(/^publish/, '').replace(/^./, (letter) => letter.toLowerCase());

    const taskModule = (await import(`../../../functions/publishing/tasks/${moduleName}`)) as Record<string, unknown>;

    expect(attribute).toBe('Arn');
    expect(taskModule[`${moduleName}Task`]).toBe(PUBLISH_TASK_STATES[state as keyof typeof PUBLISH_TASK_STATES]);
    expect(typeof taskModule.handler).toBe('function');
  });

  it.each(taskStates.filter((state) => state !== 'RecordFailure'))('sends every error of %s to RecordFailure under $.error', (state) => {
    expect(stateOf(state).Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordFailure' }]);
  });

  it.each(taskStates)('retries only transient errors in %s', (state) => {
    const retried = (stateOf(state).Retry ?? []).flatMap((retrier) => retrier.ErrorEquals);

    expect(retried).toEqual(expect.arrayContaining(['Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'ProvisionedThroughputExceededException']));
    for (const name of [...REJECTION_ERROR_NAMES, 'ActivationConflictError', 'States.ALL', 'States.TaskFailed']) {
      expect(retried).not.toContain(name);
    }
  });

  it('ends a caught run in a Fail state that keeps the error', () => {
    const fail = (definition.States as StateMachineDefinition['States'])[(stateOf('RecordFailure') as unknown as { Next: string }).Next];

    expect(fail).toEqual({ Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' });
  });
});
