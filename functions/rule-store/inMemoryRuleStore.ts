import type { RuleSet } from '../ruleset/ruleSet';
import type { ActivePointer, DraftRecord, HistoryEntry, RuleStore, StoredDraft, StoredVersion, VersionRecord } from './ruleStore';
import { sha256Hex, toCanonicalJson } from './canonicalJson';
import { ActivationConflictError, DraftNotFoundError, PublishKeyConflictError, VersionNotFoundError } from './errors';
import { checkHistoryLimit, normaliseHistoryEntry } from './historyEntry';

/** A record with the canonical JSON of its rule set; every read parses a fresh copy. */
interface Stored<T> {
  record: T;
  json: string;
}

/**
 * The rule store in process memory, with the same results and errors as `DynamoRuleStore`, for
 * unit tests of its callers. Every method does its work synchronously before returning, so
 * concurrent calls cannot interleave and no call needs to retry.
 */
export class InMemoryRuleStore implements RuleStore {
  private readonly versions = new Map<string, Stored<VersionRecord>[]>();
  private readonly drafts = new Map<string, Stored<DraftRecord>>();
  private readonly pointers = new Map<string, ActivePointer>();
  /** Version stored per publish key, keyed `<brand>#<publishKey>`. */
  private readonly publishes = new Map<string, { draftId: string; version: number }>();
  private readonly history = new Map<string, Map<string, HistoryEntry>>();

  async putVersion(ruleSet: RuleSet, createdBy: string): Promise<VersionRecord> {
    const json = toCanonicalJson(ruleSet);

    return this.appendVersion(ruleSet.settings.brand, json, { createdBy });
  }

  async getVersion(brand: string, version: number): Promise<StoredVersion> {
    const stored = Number.isInteger(version) ? this.versions.get(brand)?.[version - 1] : undefined;
    if (stored === undefined) {
      throw new VersionNotFoundError(brand, version);
    }

    return { ...stored.record, ruleSet: JSON.parse(stored.json) as RuleSet };
  }

  async getLatestVersion(brand: string): Promise<VersionRecord | null> {
    const latest = this.versions.get(brand)?.at(-1);

    return latest === undefined ? null : { ...latest.record };
  }

  async listVersions(brand: string): Promise<VersionRecord[]> {
    return (this.versions.get(brand) ?? []).map((stored) => ({ ...stored.record }));
  }

  async getActive(brand: string): Promise<ActivePointer | null> {
    const pointer = this.pointers.get(brand);

    return pointer === undefined ? null : { ...pointer };
  }

  async listActive(): Promise<ActivePointer[]> {
    const brands = [...this.pointers.keys()].sort();

    return brands.map((brand) => ({ ...(this.pointers.get(brand) as ActivePointer) }));
  }

  async activate(brand: string, version: number, expectedCurrent: number | null, activatedBy: string): Promise<ActivePointer> {
    if (!Number.isInteger(version) || this.versions.get(brand)?.[version - 1] === undefined) {
      throw new VersionNotFoundError(brand, version);
    }
    const currentVersion = this.pointers.get(brand)?.version ?? null;
    if (currentVersion !== expectedCurrent) {
      throw new ActivationConflictError(brand, version, expectedCurrent, currentVersion);
    }

    const pointer: ActivePointer = { brand, version, activatedAt: new Date().toISOString(), activatedBy, previousVersion: expectedCurrent };
    this.pointers.set(brand, pointer);
    return { ...pointer };
  }

  async putDraft(ruleSet: RuleSet, createdBy: string): Promise<DraftRecord> {
    const brand = ruleSet.settings.brand;
    const json = toCanonicalJson(ruleSet);
    const draftId = sha256Hex(json);
    const key = `${brand}#${draftId}`;

    const existing = this.drafts.get(key);
    if (existing !== undefined) {
      return { ...existing.record };
    }
    const record: DraftRecord = { brand, draftId, contentHash: draftId, createdAt: new Date().toISOString(), createdBy, sizeBytes: Buffer.byteLength(json) };
    this.drafts.set(key, { record, json });
    return { ...record };
  }

  async getDraft(brand: string, draftId: string): Promise<StoredDraft> {
    const stored = this.requireDraft(brand, draftId);

    return { ...stored.record, ruleSet: JSON.parse(stored.json) as RuleSet };
  }

  async putVersionFromDraft(brand: string, draftId: string, createdBy: string, publishKey: string = draftId): Promise<VersionRecord> {
    const draft = this.requireDraft(brand, draftId);
    const key = `${brand}#${publishKey}`;

    const published = this.publishes.get(key);
    if (published !== undefined) {
      return this.readPublished(brand, publishKey, draftId, published);
    }

    const record = this.appendVersion(brand, draft.json, { createdBy, draftId, publishKey });
    this.publishes.set(key, { draftId, version: record.version });
    return record;
  }

  async appendHistory(entry: HistoryEntry): Promise<void> {
    const normalised = normaliseHistoryEntry(entry);
    const entries = this.history.get(entry.brand) ?? new Map<string, HistoryEntry>();

    // Same order as the DynamoDB sort key `HISTORY#<at>#<publishId>`.
    entries.set(`${normalised.at}#${normalised.publishId}`, structuredClone(normalised));
    this.history.set(entry.brand, entries);
  }

  async listHistory(brand: string, limit?: number): Promise<HistoryEntry[]> {
    const checkedLimit = checkHistoryLimit(limit);
    const entries = [...(this.history.get(brand) ?? new Map<string, HistoryEntry>()).entries()];

    entries.sort(([left], [right]) => compareDescending(left, right));
    return entries.slice(0, checkedLimit).map(([, entry]) => structuredClone(entry));
  }

  private appendVersion(brand: string, json: string, origin: { createdBy: string; draftId?: string; publishKey?: string }): VersionRecord {
    const versions = this.versions.get(brand) ?? [];
    const record: VersionRecord = {
      brand,
      version: versions.length + 1,
      contentHash: sha256Hex(json),
      createdAt: new Date().toISOString(),
      sizeBytes: Buffer.byteLength(json),
      ...origin,
    };

    versions.push({ record, json });
    this.versions.set(brand, versions);
    return { ...record };
  }

  private readPublished(brand: string, publishKey: string, draftId: string, published: { draftId: string; version: number }): VersionRecord {
    if (published.draftId !== draftId) {
      throw new PublishKeyConflictError(brand, publishKey, draftId, published.draftId);
    }
    const stored = this.versions.get(brand)?.[published.version - 1];
    if (stored === undefined) {
      throw new VersionNotFoundError(brand, published.version);
    }

    return { ...stored.record };
  }

  private requireDraft(brand: string, draftId: string): Stored<DraftRecord> {
    const stored = this.drafts.get(`${brand}#${draftId}`);
    if (stored === undefined) {
      throw new DraftNotFoundError(brand, draftId);
    }

    return stored;
  }
}

function compareDescending(left: string, right: string): number {
  if (left === right) {
    return 0;
  }

  return left < right ? 1 : -1;
}
