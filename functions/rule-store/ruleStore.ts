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
}
