import { InvalidPublishRunError } from './publishErrors';
import type { RoutingDiffSummary } from './validation/diffRoutingTables';

export type PublishAction = 'publish' | 'rollback';

/**
 * Summary of a publish's changes: counts, and names of products, languages, forms and settings.
 * It never lists the changed inputs themselves, so it stays small for any state payload.
 */
export type DiffSummary = RoutingDiffSummary;

/** The error a `Catch` of the state machine stores under `$.error`. */
export interface CaughtError {
  Error: string;
  /** A Lambda task's cause is the JSON of `{ errorType, errorMessage, trace }`; a local task's is the message. */
  Cause?: string;
}

/**
 * The state the publish workflow passes from state to state. It carries keys only, never rule-set
 * content: the task functions read drafts and versions from the rule store, because a Step
 * Functions payload stops at 256 KB.
 */
export interface PublishRun {
  action: PublishAction;
  brand: string;
  /** Id of the run, also the Step Functions execution name and the rule store's publish key. */
  publishId: string;
  /** The user or process that started the run, recorded on the version, the pointer and the history entry. */
  actor: string;
  /** Publish only: the stored draft to check, store and activate. */
  draftId?: string;
  /** The version to activate: the target of a rollback, or the one `StoreVersion` stored. */
  version?: number;
  /** The version the activation replaces (`null`: none): set by `Diff`, or by the caller of a rollback. */
  previousVersion?: number | null;
  /** When to activate, RFC 3339 (`2030-01-31T09:00:00Z`); activation is immediate when absent. */
  activateAt?: string;
  diffSummary?: DiffSummary;
  /** When the pointer was written, as `Activate` found it. */
  activatedAt?: string;
  error?: CaughtError;
}

const PUBLISH_ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;
const BRAND_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const RFC3339_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks the shape of a run as a task function receives it and returns it typed. Throws
 * `InvalidPublishRunError` naming the first field that is missing or malformed.
 */
export function decodePublishRun(input: unknown): PublishRun {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidPublishRunError('', `expected an object, got ${JSON.stringify(input)}`);
  }
  const run = input as Record<string, unknown>;
  const brand = typeof run.brand === 'string' ? run.brand : '';

  const problem = findProblem(run);
  if (problem !== undefined) {
    throw new InvalidPublishRunError(brand, problem);
  }

  return run as unknown as PublishRun;
}

/** Returns `run[field]`, or throws `InvalidPublishRunError` when the step that needs it finds it missing. */
export function requireField<K extends keyof PublishRun>(run: PublishRun, field: K): Exclude<PublishRun[K], undefined> {
  const value = run[field];
  if (value === undefined) {
    throw new InvalidPublishRunError(run.brand, `missing "${String(field)}", which this step needs`);
  }

  return value as Exclude<PublishRun[K], undefined>;
}

/** True for an RFC 3339 date-time with a time zone, the only form a Step Functions `Wait` accepts. */
export function isRfc3339(value: string): boolean {
  return RFC3339_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
}

function findProblem(run: Record<string, unknown>): string | undefined {
  if (run.action !== 'publish' && run.action !== 'rollback') return `action ${JSON.stringify(run.action)} is not "publish" or "rollback"`;
  if (typeof run.brand !== 'string' || !BRAND_PATTERN.test(run.brand)) return `brand ${JSON.stringify(run.brand)} is not a lower-case brand id such as "acme"`;
  if (typeof run.publishId !== 'string' || !PUBLISH_ID_PATTERN.test(run.publishId)) {
    return `publishId ${JSON.stringify(run.publishId)} is not 1 to 80 letters, digits, "-" or "_"`;
  }
  if (typeof run.actor !== 'string' || run.actor.trim() === '') return `actor ${JSON.stringify(run.actor)} is not a non-empty string`;
  if (run.draftId !== undefined && (typeof run.draftId !== 'string' || run.draftId === '')) return `draftId ${JSON.stringify(run.draftId)} is not a non-empty string`;
  if (run.version !== undefined && !isVersionNumber(run.version)) return `version ${JSON.stringify(run.version)} is not a positive integer`;
  if (run.previousVersion !== undefined && run.previousVersion !== null && !isVersionNumber(run.previousVersion)) {
    return `previousVersion ${JSON.stringify(run.previousVersion)} is not a positive integer or null`;
  }
  if (run.activateAt !== undefined && (typeof run.activateAt !== 'string' || !isRfc3339(run.activateAt))) {
    return `activateAt ${JSON.stringify(run.activateAt)} is not an RFC 3339 date-time such as 2030-01-31T09:00:00Z`;
  }

  return undefined;
}

function isVersionNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}
