import type { PublishDependencies } from '../publishDependencies';
import { requireField } from '../publishRun';
import type { PublishRun } from '../publishRun';

/**
 * Stores the draft as the brand's next version and adds its number to the run. The publish id is
 * the store's publish key, so a repeated or concurrent run of the same publish gets the version of
 * the first. Throws `PublishInProgressError` or `VersionNumberConflictError` (retried by the state
 * machine) when concurrent writers get in the way.
 */
export async function storeDraftVersion(deps: PublishDependencies, run: PublishRun): Promise<PublishRun> {
  const draftId = requireField(run, 'draftId');

  const record = await deps.store.putVersionFromDraft(run.brand, draftId, run.actor, run.publishId);

  return { ...run, version: record.version };
}
