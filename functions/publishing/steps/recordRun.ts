import type { HistoryEntry, HistoryOutcome } from '../../rule-store/ruleStore';
import { checkActivationTime } from '../activationTime';
import type { PublishDependencies } from '../publishDependencies';
import { REJECTION_ERROR_NAMES } from '../publishErrors';
import { requireField } from '../publishRun';
import type { CaughtError, PublishRun } from '../publishRun';

/** Outcomes the workflow records on its way; a failure goes through `recordFailure`. */
export type ProgressOutcome = Extract<HistoryOutcome, 'activated' | 'scheduled'>;

/**
 * Appends the run's `activated` or `scheduled` entry to the brand's history. An activation is
 * recorded at the time the pointer was written, so a repeated run writes the same entry again
 * instead of a second one. Throws `InvalidPublishRunError` for a schedule too far ahead.
 */
export async function recordProgress(deps: PublishDependencies, run: PublishRun, outcome: ProgressOutcome): Promise<void> {
  const at = outcome === 'activated' ? requireField(run, 'activatedAt') : deps.now().toISOString();
  if (outcome === 'scheduled') {
    checkActivationTime(run.brand, requireField(run, 'activateAt'), deps.now());
  }

  await deps.store.appendHistory(entryOf(run, { at, outcome, version: requireField(run, 'version'), previousVersion: run.previousVersion ?? null }));
}

/**
 * Appends the entry of a run that a `Catch` ended: `rejected` when the rule set failed its checks,
 * `failed` for anything else. The pointer is unchanged, so the version active now is recorded as
 * the previous one when the run had not read it yet.
 */
export async function recordFailure(deps: PublishDependencies, run: PublishRun): Promise<void> {
  const error = describeCaughtError(requireField(run, 'error'));
  const outcome = REJECTION_ERROR_NAMES.has(error.name) ? 'rejected' : 'failed';
  const previousVersion = run.previousVersion !== undefined ? run.previousVersion : ((await deps.store.getActive(run.brand))?.version ?? null);

  await deps.store.appendHistory({
    ...entryOf(run, { at: deps.now().toISOString(), outcome, version: run.version ?? null, previousVersion }),
    error,
  });
}

/**
 * Extracts the name and message of a caught error. A Lambda task's `Cause` is the JSON of
 * `{ errorType, errorMessage, trace }`; a local task's is the message itself.
 */
export function describeCaughtError(error: CaughtError): { name: string; message: string } {
  const cause = error.Cause ?? '';

  return { name: error.Error, message: lambdaErrorMessage(cause) ?? (cause || error.Error) };
}

function lambdaErrorMessage(cause: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(cause);
    const message = (parsed as { errorMessage?: unknown } | null)?.errorMessage;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

function entryOf(run: PublishRun, fields: Pick<HistoryEntry, 'at' | 'outcome' | 'version' | 'previousVersion'>): HistoryEntry {
  return {
    brand: run.brand,
    publishId: run.publishId,
    actor: run.actor,
    action: run.action,
    ...fields,
    ...(run.diffSummary ? { diffSummary: { ...run.diffSummary } } : {}),
  };
}
