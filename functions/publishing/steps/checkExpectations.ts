import { findFailedExpectations } from '../publishChecks';
import type { PublishDependencies } from '../publishDependencies';
import { ExpectationsFailed } from '../publishErrors';
import { requireField } from '../publishRun';
import type { PublishRun } from '../publishRun';

/**
 * Runs the brand's expectations against the draft's routing table. Throws `ExpectationsFailed`
 * listing, per failing case, the input, the expected and the actual form and the deciding rule.
 */
export async function checkExpectations(deps: PublishDependencies, run: PublishRun): Promise<PublishRun> {
  const draft = await deps.store.getDraft(run.brand, requireField(run, 'draftId'));
  const table = deps.compile(draft.ruleSet, 0);

  const { failures, total } = findFailedExpectations(draft.ruleSet, table);
  if (failures.length > 0) {
    throw new ExpectationsFailed(run.brand, failures, total);
  }

  return run;
}
