import { InvalidPublishRunError } from '../publishErrors';
import { decodePublishRun } from '../publishRun';
import { recordProgress } from '../steps/recordRun';
import type { ProgressOutcome } from '../steps/recordRun';
import { definePublishTask, lambdaHandlerOf } from './publishTask';

const OUTCOMES: readonly ProgressOutcome[] = ['activated', 'scheduled'];

/**
 * Handles the `RecordSchedule` and `RecordHistory` task states. Their `Parameters` pass the run as
 * `run` and the outcome to record as `outcome`. The state output is `null`, dropped by `ResultPath: null`.
 */
export const recordHistoryTask = definePublishTask(async (deps, input) => {
  const { run, outcome } = (input ?? {}) as { run?: unknown; outcome?: unknown };
  const decoded = decodePublishRun(run);
  if (!OUTCOMES.includes(outcome as ProgressOutcome)) {
    throw new InvalidPublishRunError(decoded.brand, `outcome ${JSON.stringify(outcome)} is not one of ${OUTCOMES.join(', ')}`);
  }

  await recordProgress(deps, decoded, outcome as ProgressOutcome);
  return null;
});

export const handler = lambdaHandlerOf(recordHistoryTask);
