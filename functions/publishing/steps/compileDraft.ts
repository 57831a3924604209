import { logger } from '../../shared/logger';
import type { PublishDependencies } from '../publishDependencies';
import { requireField } from '../publishRun';
import type { PublishRun } from '../publishRun';

/**
 * Compiles the draft into a routing table, as the hot path will once the version is active, so
 * that a rule set the compiler rejects never becomes a version. Throws the compiler's
 * `RuleSetError` subclasses.
 */
export async function compileDraft(deps: PublishDependencies, run: PublishRun): Promise<PublishRun> {
  const draft = await deps.store.getDraft(run.brand, requireField(run, 'draftId'));

  const table = deps.compile(draft.ruleSet, 0);
  logger.info('draft compiled', { brand: run.brand, publishId: run.publishId, stateEntries: table.byState.size, zipEntries: table.byZip.size });

  return run;
}
