import type { RuleStore } from '../rule-store/ruleStore';
import { newPublishId } from './publishBrand';
import { RollbackNotPossibleError } from './publishErrors';
import { readRunResult } from './publishResult';
import type { PublishResult } from './publishResult';
import type { PublishRun } from './publishRun';
import type { PublishWorkflowRunner } from './workflow/publishWorkflowRunner';

export interface RollbackBrandRequest {
  brand: string;
  /** The stored version to activate; the version the active one replaced when absent. */
  toVersion?: number;
  actor: string;
  store: RuleStore;
  runner: PublishWorkflowRunner;
  /** Id of the run; a new one when absent. */
  publishId?: string;
}

/**
 * Rolls a brand back to a stored version through the publish workflow, which skips the checks
 * (the version passed them when it was published), activates it by the same conditional write as
 * a publish and records it in the history. Returns `unchanged` when the target is already active.
 * Throws `RollbackNotPossibleError` when the brand has no active version, the active version
 * replaced none and no target is named, or the target does not exist.
 */
export async function rollbackBrand(request: RollbackBrandRequest): Promise<PublishResult> {
  const { brand, store } = request;
  const active = await store.getActive(brand);
  if (active === null) {
    throw new RollbackNotPossibleError(brand, 'it has no active version; publish one first');
  }
  const target = request.toVersion ?? active.previousVersion;
  if (target === null) {
    throw new RollbackNotPossibleError(brand, `active version ${active.version} replaced no earlier version; name a version with --to`);
  }
  if (target === active.version) {
    return { outcome: 'unchanged', brand, publishId: null, version: active.version, previousVersion: active.previousVersion, errors: [] };
  }
  await requireStoredVersion(store, brand, target);

  const run: PublishRun = {
    action: 'rollback',
    brand,
    publishId: request.publishId ?? newPublishId('rollback'),
    actor: request.actor,
    version: target,
    previousVersion: active.version,
  };
  return readRunResult(store, run, await request.runner.run(run));
}

async function requireStoredVersion(store: RuleStore, brand: string, version: number): Promise<void> {
  const stored = (await store.listVersions(brand)).map((record) => record.version);
  if (!stored.includes(version)) {
    throw new RollbackNotPossibleError(brand, `version ${version} does not exist; stored versions: ${stored.join(', ')}`);
  }
}
