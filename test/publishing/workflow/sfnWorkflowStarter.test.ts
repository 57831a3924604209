import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { StateMachineNotConfiguredError, WorkflowStartError } from '../../../functions/publishing/publishErrors';
import type { PublishRun } from '../../../functions/publishing/publishRun';
import { SfnWorkflowStarter } from '../../../functions/publishing/workflow/sfnWorkflowStarter';

const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:form-router-prod-publish';
const RUN: PublishRun = { action: 'publish', brand: 'acme', publishId: 'publish-1', actor: 'cli:ana', draftId: 'draft-1' };

function mockedClient(send: jest.Mock): SFNClient {
  return { send } as unknown as SFNClient;
}

describe('SfnWorkflowStarter', () => {
  it.each([
    ['missing', undefined],
    ['blank', '  '],
  ])('rejects a %s state machine ARN naming the variable and the stage', (_case, stateMachineArn) => {
    const create = () => new SfnWorkflowStarter({ client: new SFNClient({ region: 'us-east-1' }), stateMachineArn, stage: 'prod' });

    expect(create).toThrow(StateMachineNotConfiguredError);
    expect(create).toThrow('FORM_ROUTER_PUBLISH_STATE_MACHINE_ARN');
    expect(create).toThrow('form-router-prod stack');
  });

  it('starts a named execution (mocked client)', async () => {
    const send = jest.fn().mockResolvedValue({ executionArn: `${ARN}:publish-1`, startDate: new Date() });
    const starter = new SfnWorkflowStarter({ client: mockedClient(send), stateMachineArn: ARN, stage: 'prod' });

    const result = await starter.run(RUN);

    const command = send.mock.calls[0]?.[0] as StartExecutionCommand;
    expect(result).toEqual({ status: 'started', executionArn: `${ARN}:publish-1` });
    expect(command).toBeInstanceOf(StartExecutionCommand);
    expect(command.input).toEqual({ stateMachineArn: ARN, name: 'publish-1', input: JSON.stringify(RUN) });
  });

  it('wraps a start the mocked client rejects', async () => {
    const rejection = new ExecutionAlreadyExists({ message: 'Execution Already Exists: publish-1', $metadata: {} });
    const starter = new SfnWorkflowStarter({ client: mockedClient(jest.fn().mockRejectedValue(rejection)), stateMachineArn: ARN, stage: 'prod' });

    const error = await starter.run(RUN).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WorkflowStartError);
    expect(error).toMatchObject({ name: 'WorkflowStartError', code: 'workflow_start_failed', cause: rejection });
    expect((error as Error).message).toContain('ExecutionAlreadyExists: Execution Already Exists: publish-1');
  });
});
