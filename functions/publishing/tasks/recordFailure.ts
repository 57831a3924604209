import { decodePublishRun } from '../publishRun';
import { recordFailure } from '../steps/recordRun';
import { definePublishTask, lambdaHandlerOf } from './publishTask';

/**
 * Handles the `RecordFailure` task state, which every `Catch` leads to with the error under `$.error`.
 * Its output is `null`, dropped by `ResultPath: null`, so the `Fail` state after it still finds the error.
 */
export const recordFailureTask = definePublishTask(async (deps, input) => {
  await recordFailure(deps, decodePublishRun(input));
  return null;
});

export const handler = lambdaHandlerOf(recordFailureTask);
