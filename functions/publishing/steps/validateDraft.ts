import { logger } from '../../shared/logger';
import { findValidationProblems } from '../publishChecks';
import type { PublishDependencies } from '../publishDependencies';
import { ValidationFailed } from '../publishErrors';
import { requireField } from '../publishRun';
import type { PublishRun } from '../publishRun';

/**
 * Validates the run's draft: schema, rule conflicts, shadowed rules, coverage, destinations and
 * size. Throws `ValidationFailed` listing every error, and `DraftNotFoundError` when the draft is
 * missing. Warnings do not stop the run; they are logged.
 */
export async function validateDraft(deps: PublishDependencies, run: PublishRun): Promise<PublishRun> {
  const draft = await deps.store.getDraft(run.brand, requireField(run, 'draftId'));

  const { errors, warnings } = findValidationProblems(draft.ruleSet, deps);
  if (errors.length > 0) {
    throw new ValidationFailed(run.brand, errors);
  }
  if (warnings.length > 0) {
    logger.warn('rule set has warnings', { brand: run.brand, publishId: run.publishId, warnings });
  }

  return run;
}
