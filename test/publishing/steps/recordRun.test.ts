import { describeCaughtError } from '../../../functions/publishing/steps/recordRun';

describe('describeCaughtError', () => {
  it('reads the message from the cause of a Lambda task', () => {
    const cause = JSON.stringify({ errorType: 'ValidationFailed', errorMessage: 'Rule set failed validation:\n- [unknown_form] ...', trace: ['at x'] });

    expect(describeCaughtError({ Error: 'ValidationFailed', Cause: cause })).toEqual({ name: 'ValidationFailed', message: 'Rule set failed validation:\n- [unknown_form] ...' });
  });

  it('takes the cause of a local task as the message', () => {
    expect(describeCaughtError({ Error: 'ActivationConflictError', Cause: 'Activation of version 3 rejected' })).toEqual({
      name: 'ActivationConflictError',
      message: 'Activation of version 3 rejected',
    });
  });

  it.each([
    ['no cause', undefined],
    ['an empty cause', ''],
  ])('falls back to the error name with %s', (_case, cause) => {
    expect(describeCaughtError({ Error: 'States.Timeout', Cause: cause })).toEqual({ name: 'States.Timeout', message: 'States.Timeout' });
  });
});
