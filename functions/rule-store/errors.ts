/**
 * Base of every error the rule store raises on purpose. `code` is stable for programs; `name` is
 * what Step Functions `Retry` and `Catch` match on. Storage errors the store does not expect
 * (throttling, a missing table, network failures) are not wrapped: they reach the caller intact.
 */
export class RuleStoreError extends Error {
  readonly code: string = 'rule_store_error';

  constructor(
    message: string,
    readonly brand: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'RuleStoreError';
  }
}

/** The brand has no version with this number. */
export class VersionNotFoundError extends RuleStoreError {
  override readonly code = 'version_not_found';

  constructor(
    brand: string,
    readonly version: number,
  ) {
    super(`Version ${version} of brand "${brand}" not found; list the stored versions to pick one that exists`, brand);
    this.name = 'VersionNotFoundError';
  }
}

/** The brand has no draft with this id. */
export class DraftNotFoundError extends RuleStoreError {
  override readonly code = 'draft_not_found';

  constructor(
    brand: string,
    readonly draftId: string,
  ) {
    super(`Draft "${draftId}" of brand "${brand}" not found; store the rule set with putDraft first`, brand);
    this.name = 'DraftNotFoundError';
  }
}

/**
 * The active-version pointer no longer names the version the caller expected to replace, because
 * another activation came first. `currentVersion` is the version found (`null`: no pointer).
 */
export class ActivationConflictError extends RuleStoreError {
  override readonly code = 'activation_conflict';

  constructor(
    brand: string,
    readonly requestedVersion: number,
    readonly expectedVersion: number | null,
    readonly currentVersion: number | null,
  ) {
    super(
      `Activation of version ${requestedVersion} for brand "${brand}" rejected: expected active version ` +
        `${describeVersion(expectedVersion)} but found ${describeVersion(currentVersion)}; diff against the current version and retry`,
      brand,
    );
    this.name = 'ActivationConflictError';
  }
}

/** Stored content does not hash to the value its header recorded: a chunk is missing or damaged. */
export class ContentHashMismatchError extends RuleStoreError {
  override readonly code = 'content_hash_mismatch';

  constructor(
    brand: string,
    /** Sort key of the header whose content failed the check, e.g. `VERSION#0000000003`. */
    readonly headerKey: string,
    readonly expectedHash: string,
    readonly actualHash: string,
  ) {
    super(`Content of ${headerKey} for brand "${brand}" has SHA-256 ${actualHash}, expected ${expectedHash}; the stored chunks are damaged`, brand);
    this.name = 'ContentHashMismatchError';
  }
}

/** Concurrent writers took every version number this call tried; retrying later succeeds. */
export class VersionNumberConflictError extends RuleStoreError {
  override readonly code = 'version_number_conflict';

  constructor(
    brand: string,
    readonly attempts: number,
  ) {
    super(`Could not store a new version of brand "${brand}": other writers took the next version number ${attempts} times in a row; retry later`, brand);
    this.name = 'VersionNumberConflictError';
  }
}

/** Another call with the same publish key is storing the version right now; retrying later returns its version. */
export class PublishInProgressError extends RuleStoreError {
  override readonly code = 'publish_in_progress';

  constructor(
    brand: string,
    readonly publishKey: string,
    /** When that call's claim expires and another call may take over, ISO 8601. */
    readonly claimExpiresAt: string,
  ) {
    super(`Publish key "${publishKey}" of brand "${brand}" is claimed by another call until ${claimExpiresAt}; retry later`, brand);
    this.name = 'PublishInProgressError';
  }
}

/** A publish key already stored a version from a different draft. */
export class PublishKeyConflictError extends RuleStoreError {
  override readonly code = 'publish_key_conflict';

  constructor(
    brand: string,
    readonly publishKey: string,
    readonly requestedDraftId: string,
    readonly storedDraftId: string,
  ) {
    super(
      `Publish key "${publishKey}" of brand "${brand}" belongs to draft "${storedDraftId}", not "${requestedDraftId}"; use a new publish key for a different draft`,
      brand,
    );
    this.name = 'PublishKeyConflictError';
  }
}

/** A history entry whose `at` is not a date. */
export class InvalidHistoryEntryError extends RuleStoreError {
  override readonly code = 'invalid_history_entry';

  constructor(
    brand: string,
    readonly at: string,
  ) {
    super(`History entry of brand "${brand}" has an invalid time "${at}"; expected an ISO 8601 date-time such as 2024-05-01T12:00:00.000Z`, brand);
    this.name = 'InvalidHistoryEntryError';
  }
}

function describeVersion(version: number | null): string {
  return version === null ? 'none' : String(version);
}
