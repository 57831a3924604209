import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RuleSet } from '../ruleset/ruleSet';
import { createDynamoDocumentClient } from '../shared/awsClients';
import { loadConfig } from '../shared/config';
import type { ActivePointer, DraftRecord, HistoryEntry, RuleStore, StoredDraft, StoredVersion, VersionRecord } from './ruleStore';
import { listActivePointers, readActivePointer, replaceActivePointer } from './dynamoActivePointer';
import { pickDescriptor, readContent, writeContent } from './dynamoContent';
import { readDraftHeader, toDraftRecord, writeDraft } from './dynamoDrafts';
import { readHistory, writeHistoryEntry } from './dynamoHistory';
import { isVersionNumber } from './dynamoKeys';
import { storeVersionFromDraft } from './dynamoPublishFromDraft';
import type { PublishClaimOptions } from './dynamoPublishFromDraft';
import type { RulesTable } from './dynamoTable';
import { listVersionHeaders, readLatestVersionHeader, readVersionHeader, storeNextVersion, toVersionRecord } from './dynamoVersions';
import type { VersionHeaderItem } from './dynamoVersions';
import { VersionNotFoundError } from './errors';

export interface DynamoRuleStoreOptions {
  tableName: string;
  /** Defaults to one client per process, configured by `loadConfig()`. */
  client?: DynamoDBDocumentClient;
  /** Attempts at a free version number before `VersionNumberConflictError`; default 10. */
  maxVersionAttempts?: number;
  /** Timing of `putVersionFromDraft` calls that share a publish key. */
  publishClaim?: Partial<Omit<PublishClaimOptions, 'maxVersionAttempts'>>;
}

const DEFAULT_MAX_VERSION_ATTEMPTS = 10;

/** A claim outlasts the few requests between claiming a key and storing its header many times over. */
const DEFAULT_PUBLISH_CLAIM = { claimMs: 30_000, pollMs: 100, maxReads: 50 };

let defaultClient: DynamoDBDocumentClient | undefined;

/** Created on first use and kept for the life of the process, so warm Lambda invocations reuse it. */
function defaultDocumentClient(): DynamoDBDocumentClient {
  defaultClient ??= createDynamoDocumentClient(loadConfig());

  return defaultClient;
}

/**
 * The rule store on one DynamoDB table (keys `pk`/`sk`). A version is its content, stored as
 * gzip-compressed canonical JSON in chunks of at most 300 KB, and a header item. The header is
 * written after the chunks on condition that its number is free, so it commits the version.
 * Only single-item conditional writes are used, so the store also runs on dynalite, which has no
 * transactions.
 */
export class DynamoRuleStore implements RuleStore {
  private readonly table: RulesTable;
  private readonly maxVersionAttempts: number;
  private readonly publishClaim: PublishClaimOptions;

  constructor(options: DynamoRuleStoreOptions) {
    this.table = { client: options.client ?? defaultDocumentClient(), tableName: options.tableName };
    this.maxVersionAttempts = options.maxVersionAttempts ?? DEFAULT_MAX_VERSION_ATTEMPTS;
    this.publishClaim = { ...DEFAULT_PUBLISH_CLAIM, ...options.publishClaim, maxVersionAttempts: this.maxVersionAttempts };
  }

  /** Stores the rule set as the next version. Throws `VersionNumberConflictError` when concurrent writers take every number tried. */
  async putVersion(ruleSet: RuleSet, createdBy: string): Promise<VersionRecord> {
    const brand = ruleSet.settings.brand;
    const descriptor = await writeContent(this.table, brand, ruleSet);
    const fields = { ...descriptor, brand, createdAt: new Date().toISOString(), createdBy };

    const header = await storeNextVersion(this.table, fields, this.maxVersionAttempts);
    return toVersionRecord(header);
  }

  /** Throws `VersionNotFoundError`, or `ContentHashMismatchError` when the stored chunks are damaged. */
  async getVersion(brand: string, version: number): Promise<StoredVersion> {
    const header = await this.requireVersionHeader(brand, version);
    const ruleSet = await readContent(this.table, brand, header.sk, pickDescriptor(header));

    return { ...toVersionRecord(header), ruleSet };
  }

  async getLatestVersion(brand: string): Promise<VersionRecord | null> {
    const header = await readLatestVersionHeader(this.table, brand);

    return header === undefined ? null : toVersionRecord(header);
  }

  async listVersions(brand: string): Promise<VersionRecord[]> {
    const headers = await listVersionHeaders(this.table, brand);

    return headers.map(toVersionRecord);
  }

  async getActive(brand: string): Promise<ActivePointer | null> {
    return readActivePointer(this.table, brand);
  }

  async listActive(): Promise<ActivePointer[]> {
    return listActivePointers(this.table);
  }

  /** Throws `VersionNotFoundError` before writing anything, and `ActivationConflictError` when the pointer moved. */
  async activate(brand: string, version: number, expectedCurrent: number | null, activatedBy: string): Promise<ActivePointer> {
    await this.requireVersionHeader(brand, version);
    const pointer: ActivePointer = { brand, version, activatedAt: new Date().toISOString(), activatedBy, previousVersion: expectedCurrent };

    await replaceActivePointer(this.table, pointer, expectedCurrent);
    return pointer;
  }

  async putDraft(ruleSet: RuleSet, createdBy: string): Promise<DraftRecord> {
    const header = await writeDraft(this.table, ruleSet, createdBy);

    return toDraftRecord(header);
  }

  /** Throws `DraftNotFoundError`, or `ContentHashMismatchError` when the stored chunks are damaged. */
  async getDraft(brand: string, draftId: string): Promise<StoredDraft> {
    const header = await readDraftHeader(this.table, brand, draftId);
    const ruleSet = await readContent(this.table, brand, header.sk, pickDescriptor(header));

    return { ...toDraftRecord(header), ruleSet };
  }

  async putVersionFromDraft(brand: string, draftId: string, createdBy: string, publishKey: string = draftId): Promise<VersionRecord> {
    const header = await storeVersionFromDraft(this.table, { brand, draftId, createdBy, publishKey }, this.publishClaim);

    return toVersionRecord(header);
  }

  async appendHistory(entry: HistoryEntry): Promise<void> {
    await writeHistoryEntry(this.table, entry);
  }

  async listHistory(brand: string, limit?: number): Promise<HistoryEntry[]> {
    return readHistory(this.table, brand, limit);
  }

  private async requireVersionHeader(brand: string, version: number): Promise<VersionHeaderItem> {
    const header = isVersionNumber(version) ? await readVersionHeader(this.table, brand, version) : undefined;
    if (header === undefined) {
      throw new VersionNotFoundError(brand, version);
    }

    return header;
  }
}
