import type { HistoryEntry, RuleStore } from '../rule-store/ruleStore';
import type { DiffSummary, PublishRun } from './publishRun';
import type { WorkflowRunResult } from './workflow/publishWorkflowRunner';

/**
 * Outcome of a publish or rollback. `unchanged` means there was nothing to do, so the workflow did
 * not run and nothing was recorded. `rejected` means the rule set failed its checks, and `failed`
 * any other error. `started` means the run goes on in AWS.
 */
export type PublishOutcome = 'activated' | 'unchanged' | 'rejected' | 'failed' | 'started';

export interface PublishResult {
  outcome: PublishOutcome;
  brand: string;
  /** Id of the run; `null` when no run was started. */
  publishId: string | null;
  /** The version activated, or left active when `unchanged`; for a failure, the version stored if any. */
  version: number | null;
  /** The version active before the run. */
  previousVersion: number | null;
  diffSummary?: DiffSummary;
  /** Name of the error that ended a `rejected` or `failed` run. */
  errorName?: string;
  /** The error's message, one line per item: a summary, then each validation error or failed expectation. */
  errors: string[];
  /** The Step Functions execution of a `started` run. */
  executionArn?: string;
}

/** Entries searched for the run's own; a run writes at most three. */
const HISTORY_READ = 20;

/**
 * Builds the result of a run from the history entry the workflow wrote. The entry contains the
 * version, the diff and the error, for the local runner and for Step Functions alike.
 */
export async function readRunResult(store: RuleStore, run: PublishRun, ended: WorkflowRunResult): Promise<PublishResult> {
  const base = { brand: run.brand, publishId: run.publishId, version: run.version ?? null, previousVersion: run.previousVersion ?? null, errors: [] };
  if (ended.status === 'started') {
    return { ...base, outcome: 'started', executionArn: ended.executionArn };
  }

  const entries = await store.listHistory(run.brand, HISTORY_READ);
  const entry = entries.find((candidate) => candidate.publishId === run.publishId && candidate.outcome !== 'scheduled');
  if (entry !== undefined) {
    return resultOfEntry(entry);
  }
  if (ended.status === 'failed') {
    return { ...base, outcome: 'failed', errorName: ended.error, errors: ended.cause.split('\n') };
  }

  return { ...base, outcome: 'failed', errorName: 'MissingHistoryEntry', errors: [`Run ${run.publishId} ended without a history entry`] };
}

function resultOfEntry(entry: HistoryEntry): PublishResult {
  return {
    outcome: outcomeOfEntry(entry),
    brand: entry.brand,
    publishId: entry.publishId,
    version: entry.version,
    previousVersion: entry.previousVersion,
    ...(entry.diffSummary ? { diffSummary: entry.diffSummary as unknown as DiffSummary } : {}),
    ...(entry.error ? { errorName: entry.error.name } : {}),
    errors: entry.error ? entry.error.message.split('\n') : [],
  };
}

function outcomeOfEntry(entry: HistoryEntry): PublishOutcome {
  if (entry.outcome === 'activated' || entry.outcome === 'rejected') {
    return entry.outcome;
  }

  return 'failed';
}
