import type { RuleSet } from '../ruleset/ruleSet';

/** Metadata of one immutable, numbered version. */
export interface VersionRecord {
  brand: string;
  version: number;
  /** SHA-256 of the canonical JSON of the rule set; equal content gives an equal hash. */
  contentHash: string;
  createdAt: string;
  createdBy: string;
  /** Bytes of canonical JSON before compression. */
  sizeBytes: number;
  /** The draft this version was stored from, when it came from `putVersionFromDraft`. */
  draftId?: string;
  /** The publish key that stored this version, when it came from `putVersionFromDraft`. */
  publishKey?: string;
}

export interface StoredVersion extends VersionRecord {
  ruleSet: RuleSet;
}

/** The active-version pointer of one brand. */
export interface ActivePointer {
  brand: string;
  version: number;
  activatedAt: string;
  activatedBy: string;
  /** The version this activation replaced, `null` for the first one. */
  previousVersion: number | null;
}

/** Metadata of a rule set stored for publishing but not numbered yet. */
export interface DraftRecord {
  brand: string;
  /** Derived from the content hash, so storing equal content again gives the same draft. */
  draftId: string;
  contentHash: string;
  createdAt: string;
  createdBy: string;
  sizeBytes: number;
}

export interface StoredDraft extends DraftRecord {
  ruleSet: RuleSet;
}

export type HistoryAction = 'publish' | 'rollback';
export type HistoryOutcome = 'activated' | 'scheduled' | 'failed' | 'rejected';

/** One record of a publish or rollback run, whatever its outcome. */
export interface HistoryEntry {
  brand: string;
  /** Id of the run, e.g. the Step Functions execution name. */
  publishId: string;
  /** When the outcome was reached, ISO 8601. Pass the same value when retrying an append. */
  at: string;
  actor: string;
  action: HistoryAction;
  /** The version published or rolled back to; `null` when the run failed before storing one. */
  version: number | null;
  /** The version active before the run, `null` when none was. */
  previousVersion: number | null;
  outcome: HistoryOutcome;
  diffSummary?: Record<string, unknown>;
  error?: { name: string; message: string };
}

/**
 * Storage of rule-set versions and the active-version pointer per brand. Versions never change
 * once stored. The pointer changes only through `activate`, which names the version it expects
 * to replace, so that of two concurrent activations exactly one wins.
 */
export interface RuleStore {
  /** Stores a new version numbered one above the latest and returns its record. */
  putVersion(ruleSet: RuleSet, createdBy: string): Promise<VersionRecord>;

  /** Throws `VersionNotFoundError` when the brand has no such version. */
  getVersion(brand: string, version: number): Promise<StoredVersion>;

  /** The newest version, or `null` when the brand has none. */
  getLatestVersion(brand: string): Promise<VersionRecord | null>;

  /** Every version of a brand, oldest first. */
  listVersions(brand: string): Promise<VersionRecord[]>;

  /** Strongly consistent read of one brand's pointer; `null` when never activated. */
  getActive(brand: string): Promise<ActivePointer | null>;

  /** Strongly consistent read of every brand's pointer. */
  listActive(): Promise<ActivePointer[]>;

  /**
   * Points the brand at `version` when its pointer still names `expectedCurrent` (`null`: no
   * pointer yet). Throws `ActivationConflictError`, carrying the version found, otherwise.
   */
  activate(brand: string, version: number, expectedCurrent: number | null, activatedBy: string): Promise<ActivePointer>;

  /** Stores a rule set as a draft of its brand. Storing equal content again returns the first record. */
  putDraft(ruleSet: RuleSet, createdBy: string): Promise<DraftRecord>;

  /** Throws `DraftNotFoundError` when the brand has no such draft. */
  getDraft(brand: string, draftId: string): Promise<StoredDraft>;

  /**
   * Stores a draft as a new version once per `publishKey` (default: the draft id, so a draft
   * becomes one version). A repeated or concurrent call with the same key returns the version the
   * first call stored. Throws `DraftNotFoundError`, `PublishKeyConflictError` when the key
   * belongs to another draft, and `PublishInProgressError` when another call holding the key has
   * not finished within the store's waiting time.
   */
  putVersionFromDraft(brand: string, draftId: string, createdBy: string, publishKey?: string): Promise<VersionRecord>;

  /** Records a publish or rollback run. Appending the same entry again (same `at` and `publishId`) keeps one entry. */
  appendHistory(entry: HistoryEntry): Promise<void>;

  /** A brand's history, newest first, at most `limit` entries (default 50). */
  listHistory(brand: string, limit?: number): Promise<HistoryEntry[]>;
}
