import { randomUUID } from 'node:crypto';
import type { RuleStore } from '../rule-store/ruleStore';
import type { RuleSet } from '../ruleset/ruleSet';
import { checkActivationTime } from './activationTime';
import { InvalidPublishRunError } from './publishErrors';
import { readRunResult } from './publishResult';
import type { PublishResult } from './publishResult';
import type { PublishRun } from './publishRun';
import type { PublishWorkflowRunner } from './workflow/publishWorkflowRunner';

export interface PublishBrandRequest {
  ruleSet: RuleSet;
  /** The author, recorded on the version and in the history. */
  actor: string;
  /** When to activate, RFC 3339 with a time zone, at most `MAX_SCHEDULE_DAYS` ahead; now when absent. */
  activateAt?: string;
  store: RuleStore;
  runner: PublishWorkflowRunner;
  /** Id of the run; a new one when absent. Starting the same id again activates at most once. */
  publishId?: string;
  now?: () => Date;
}

/**
 * Publishes a brand's rule set: stores it as a draft and runs the publish workflow on it, which
 * validates, runs the expectations, compiles, diffs, stores a version and activates it. Content
 * equal to the active version returns `unchanged` at once, without a run or a history entry.
 * Rejections and failures are results, not errors. Throws `InvalidPublishRunError` for a rule set
 * without a brand id or an invalid `activateAt`, and what the store or runner throws.
 */
export async function publishBrand(request: PublishBrandRequest): Promise<PublishResult> {
  const brand = brandOf(request.ruleSet);
  const now = request.now?.() ?? new Date();
  const activateAt = request.activateAt === undefined ? undefined : checkActivationTime(brand, request.activateAt, now);

  const draft = await request.store.putDraft(request.ruleSet, request.actor);
  const active = await request.store.getActive(brand);
  const activeRecord = active === null ? undefined : (await request.store.listVersions(brand)).find((record) => record.version === active.version);
  if (active !== null && activeRecord?.contentHash === draft.contentHash) {
    return { outcome: 'unchanged', brand, publishId: null, version: active.version, previousVersion: active.previousVersion, errors: [] };
  }

  const run: PublishRun = {
    action: 'publish',
    brand,
    publishId: request.publishId ?? newPublishId('publish'),
    actor: request.actor,
    draftId: draft.draftId,
    ...(activateAt === undefined ? {} : { activateAt }),
  };
  return readRunResult(request.store, run, await request.runner.run(run));
}

/** Returns a new run id, valid as a Step Functions execution name (at most 80 letters, digits, `-` and `_`). */
export function newPublishId(action: PublishRun['action']): string {
  return `${action}-${randomUUID()}`;
}

function brandOf(ruleSet: RuleSet): string {
  const brand: unknown = ruleSet?.settings?.brand;
  if (typeof brand !== 'string' || brand === '') {
    throw new InvalidPublishRunError('', `the rule set's brand.json names no brand id (got ${JSON.stringify(brand)})`);
  }

  return brand;
}
