import type { RuleStore } from '../../rule-store/ruleStore';
import { summariseDiff } from '../publishChecks';
import type { PublishDependencies } from '../publishDependencies';
import { requireField } from '../publishRun';
import type { PublishRun } from '../publishRun';
import { findVersionRecord } from './runRecords';

/**
 * Compares the draft with the version it will replace, and adds that version (`previousVersion`,
 * which `Activate` names in its conditional write) and the diff summary to the run. When the
 * active version is the one this same publish stored, the run is a repeat, so the version that
 * one replaced is compared instead and the repeat reports the same diff.
 */
export async function diffDraft(deps: PublishDependencies, run: PublishRun): Promise<PublishRun> {
  const draft = await deps.store.getDraft(run.brand, requireField(run, 'draftId'));
  const previousVersion = await findReplacedVersion(deps.store, run);

  const previous = previousVersion === null ? null : await deps.store.getVersion(run.brand, previousVersion);
  const previousTable = previous === null ? null : deps.compile(previous.ruleSet, previous.version);
  const diffSummary = summariseDiff(previousTable, deps.compile(draft.ruleSet, 0));

  return { ...run, previousVersion, diffSummary };
}

async function findReplacedVersion(store: RuleStore, run: PublishRun): Promise<number | null> {
  const active = await store.getActive(run.brand);
  if (active === null) {
    return null;
  }

  const record = await findVersionRecord(store, run.brand, active.version);
  return record?.publishKey === run.publishId ? active.previousVersion : active.version;
}
