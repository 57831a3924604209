import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { logger } from '../shared/logger';
import { pickDescriptor } from './dynamoContent';
import { readDraftHeader } from './dynamoDrafts';
import type { DraftHeaderItem } from './dynamoDrafts';
import { brandPartition, publishSortKey } from './dynamoKeys';
import { getItem, isConditionalCheckFailed } from './dynamoTable';
import type { RulesTable } from './dynamoTable';
import { listVersionHeaders, readLatestVersionNumber, readVersionHeader, storeNextVersion } from './dynamoVersions';
import type { VersionHeaderItem } from './dynamoVersions';
import { PublishInProgressError, PublishKeyConflictError, VersionNotFoundError } from './errors';

/** Timing of calls that share a publish key. */
export interface PublishClaimOptions {
  /** Milliseconds a claim on a publish key lasts; after that another call may take the key over. */
  claimMs: number;
  /** Milliseconds between two reads of a key that another call has claimed. */
  pollMs: number;
  /** Reads of the key before giving up with `PublishInProgressError`. */
  maxReads: number;
  /** Attempts at a free version number, as in `storeNextVersion`. */
  maxVersionAttempts: number;
}

/**
 * The item `PUBLISH#<key>` that makes storing a draft as a version happen once per key. A call
 * first claims the key (a conditional write), then stores the version header with the key in
 * it, then records the version number here. A call that finds the key claimed waits for the
 * number. When the claim has expired, its owner has stopped: the call then looks for a header
 * that owner stored, and takes the claim over when there is none.
 */
interface PublishMarkerItem {
  pk: string;
  sk: string;
  brand: string;
  publishKey: string;
  draftId: string;
  /** Latest version number when the key was first claimed; a version stored under the key is numbered above it. */
  latestAtClaim: number;
  /** Epoch milliseconds. */
  claimExpiresAt: number;
  version?: number;
}

/** `reread`: the marker changed under this call. `wait`: another call has claimed the key. */
type Step = VersionHeaderItem | 'reread' | 'wait';

/**
 * Stores a draft as the brand's next version once per `publishKey`; repeated and concurrent
 * calls with the key return the same header. Throws `DraftNotFoundError`,
 * `PublishKeyConflictError` when the key belongs to another draft, and `PublishInProgressError`
 * when another call keeps its claim on the key for all of `maxReads` reads.
 */
export async function storeVersionFromDraft(
  table: RulesTable,
  request: { brand: string; draftId: string; createdBy: string; publishKey: string },
  options: PublishClaimOptions,
): Promise<VersionHeaderItem> {
  const draft = await readDraftHeader(table, request.brand, request.draftId);
  const publisher = new DraftPublisher(table, draft, request.createdBy, request.publishKey, options);

  return publisher.run();
}

class DraftPublisher {
  private readonly pk: string;
  private readonly sk: string;

  constructor(
    private readonly table: RulesTable,
    private readonly draft: DraftHeaderItem,
    private readonly createdBy: string,
    private readonly publishKey: string,
    private readonly options: PublishClaimOptions,
  ) {
    this.pk = brandPartition(draft.brand);
    this.sk = publishSortKey(publishKey);
  }

  async run(): Promise<VersionHeaderItem> {
    let marker: PublishMarkerItem | undefined;

    for (let read = 1; read <= this.options.maxReads; read++) {
      marker = await getItem<PublishMarkerItem>(this.table, this.pk, this.sk);
      const step = marker === undefined ? await this.claimAndStore() : await this.continueFrom(marker);
      if (typeof step !== 'string') {
        return step;
      }
      if (step === 'wait') {
        await new Promise((resolve) => setTimeout(resolve, this.options.pollMs));
      }
    }

    const expiresAt = new Date(marker?.claimExpiresAt ?? Date.now()).toISOString();
    throw new PublishInProgressError(this.draft.brand, this.publishKey, expiresAt);
  }

  private async claimAndStore(): Promise<Step> {
    const claim: PublishMarkerItem = {
      pk: this.pk,
      sk: this.sk,
      brand: this.draft.brand,
      publishKey: this.publishKey,
      draftId: this.draft.draftId,
      latestAtClaim: await readLatestVersionNumber(this.table, this.draft.brand),
      claimExpiresAt: Date.now() + this.options.claimMs,
    };
    if (!(await this.putMarker(claim, 'attribute_not_exists(pk)', {}))) {
      return 'reread';
    }

    return this.storeUnderClaim(claim);
  }

  private async continueFrom(marker: PublishMarkerItem): Promise<Step> {
    if (marker.draftId !== this.draft.draftId) {
      throw new PublishKeyConflictError(this.draft.brand, this.publishKey, this.draft.draftId, marker.draftId);
    }
    if (marker.version !== undefined) {
      return this.readHeader(marker.version);
    }

    const stored = await this.findStoredHeader(marker);
    if (stored !== undefined) {
      return this.recordVersion(stored);
    }
    if (marker.claimExpiresAt > Date.now()) {
      return 'wait';
    }

    return this.takeOver(marker);
  }

  private async takeOver(expired: PublishMarkerItem): Promise<Step> {
    const claim: PublishMarkerItem = { ...expired, claimExpiresAt: Date.now() + this.options.claimMs };
    const condition = 'claimExpiresAt = :seen AND attribute_not_exists(version)';
    if (!(await this.putMarker(claim, condition, { ':seen': expired.claimExpiresAt }))) {
      return 'reread';
    }
    logger.warn('publish claim expired, taking over', { brand: this.draft.brand, publishKey: this.publishKey, claimExpiresAt: expired.claimExpiresAt });

    // The previous owner may have stored its header after the search that found none.
    const stored = await this.findStoredHeader(expired);
    return stored === undefined ? this.storeUnderClaim(claim) : this.recordVersion(stored);
  }

  private async storeUnderClaim(claim: PublishMarkerItem): Promise<Step> {
    const fields = {
      ...pickDescriptor(this.draft),
      brand: this.draft.brand,
      createdAt: new Date().toISOString(),
      createdBy: this.createdBy,
      draftId: this.draft.draftId,
      publishKey: this.publishKey,
    };
    // NOTE: a header write sent just before the claim expires can land after another call took
    // the claim over and searched. The key then has two headers, an orphan version among them,
    // and `recordVersion` makes every call return the one recorded first.
    const header = await storeNextVersion(this.table, fields, this.options.maxVersionAttempts, () => Date.now() < claim.claimExpiresAt);

    return header === null ? 'reread' : this.recordVersion(header);
  }

  /** Records the version on the marker unless one is recorded already, and returns the recorded one. */
  private async recordVersion(header: VersionHeaderItem): Promise<VersionHeaderItem> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: { pk: this.pk, sk: this.sk },
          UpdateExpression: 'SET version = :version',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(version)',
          ExpressionAttributeValues: { ':version': header.version },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) {
        throw error;
      }
      const marker = await getItem<PublishMarkerItem>(this.table, this.pk, this.sk);
      return marker?.version === undefined || marker.version === header.version ? header : this.readHeader(marker.version);
    }

    return header;
  }

  private async findStoredHeader(marker: PublishMarkerItem): Promise<VersionHeaderItem | undefined> {
    const headers = await listVersionHeaders(this.table, this.draft.brand, marker.latestAtClaim + 1);

    return headers.find((header) => header.publishKey === this.publishKey);
  }

  private async readHeader(version: number): Promise<VersionHeaderItem> {
    const header = await readVersionHeader(this.table, this.draft.brand, version);
    if (header === undefined) {
      throw new VersionNotFoundError(this.draft.brand, version);
    }

    return header;
  }

  private async putMarker(item: PublishMarkerItem, condition: string, values: Record<string, unknown>): Promise<boolean> {
    try {
      const hasValues = Object.keys(values).length > 0;
      await this.table.client.send(
        new PutCommand({ TableName: this.table.tableName, Item: item, ConditionExpression: condition, ...(hasValues ? { ExpressionAttributeValues: values } : {}) }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        return false;
      }
      throw error;
    }

    return true;
  }
}
