import { ActivationConflictError } from '../../rule-store/errors';
import type { ActivePointer } from '../../rule-store/ruleStore';
import { logger } from '../../shared/logger';
import type { PublishDependencies } from '../publishDependencies';
import { requireField } from '../publishRun';
import type { PublishRun } from '../publishRun';
import { findActivation, findVersionRecord } from './runRecords';

/** Pointer fields an activation wrote. A repeated run reports the first run's values. */
type Activation = Pick<ActivePointer, 'previousVersion' | 'activatedAt'>;

/**
 * Points the brand at `version` by a conditional write that names `previousVersion`, so that of
 * two concurrent activations exactly one wins. A run whose activation already happened (a retry,
 * or the same publish id started again, even at the same time) succeeds without a second write and
 * reports that activation. Throws `ActivationConflictError` when another activation moved the
 * pointer first, and `VersionNotFoundError` when the version does not exist.
 */
export async function activateVersion(deps: PublishDependencies, run: PublishRun): Promise<PublishRun> {
  const version = requireField(run, 'version');
  const expectedCurrent = requireField(run, 'previousVersion');

  const earlier = await findEarlierActivation(deps, run, version, expectedCurrent);
  const activation = earlier ?? (await writePointer(deps, run, version, expectedCurrent));

  return { ...run, previousVersion: activation.previousVersion, activatedAt: activation.activatedAt };
}

/** Writes the pointer; a conflict with an execution of the same run that wrote it first counts as done. */
async function writePointer(deps: PublishDependencies, run: PublishRun, version: number, expectedCurrent: number | null): Promise<Activation> {
  try {
    return await deps.store.activate(run.brand, version, expectedCurrent, run.actor);
  } catch (error) {
    const sameRun = error instanceof ActivationConflictError ? await findEarlierActivation(deps, run, version, expectedCurrent) : undefined;
    if (sameRun === undefined) {
      throw error;
    }

    logger.info('activation done by another execution of this run', { brand: run.brand, publishId: run.publishId, version });
    return sameRun;
  }
}

async function findEarlierActivation(
  deps: PublishDependencies,
  run: PublishRun,
  version: number,
  expectedCurrent: number | null,
): Promise<Activation | undefined> {
  const recorded = await findActivation(deps.store, run.brand, run.publishId);
  if (recorded) {
    logger.info('activation already recorded for this run', { brand: run.brand, publishId: run.publishId, version });
    return { previousVersion: recorded.previousVersion, activatedAt: recorded.at };
  }

  const pointer = await deps.store.getActive(run.brand);
  if (pointer === null || pointer.version !== version) {
    return undefined;
  }
  // The pointer shows the activation, but the history does not yet: the run stopped between the
  // two writes and runs again. A version that this publish stored proves it. A rollback's target
  // is an older version, so the expected previous version is the only evidence.
  // NOTE: two rollbacks to the same version from the same version, started at once, both succeed.
  if (run.action === 'rollback') {
    return pointer.previousVersion === expectedCurrent ? pointer : undefined;
  }

  const record = await findVersionRecord(deps.store, run.brand, version);
  return record?.publishKey === run.publishId ? pointer : undefined;
}
