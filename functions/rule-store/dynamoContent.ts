import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RuleSet } from '../ruleset/ruleSet';
import { sha256Hex } from './canonicalJson';
import { decompressJson, encodeContent, joinChunks } from './chunkedContent';
import { brandPartition, chunkPrefix, chunkSortKey } from './dynamoKeys';
import { queryItems } from './dynamoTable';
import type { RulesTable } from './dynamoTable';
import { ContentHashMismatchError } from './errors';

/** Chunk writes in flight at once for one rule set. */
const CHUNK_WRITE_CONCURRENCY = 4;

/** Content fields of version and draft headers: where the chunks are and which hashes they must match. */
export interface ContentDescriptor {
  /** SHA-256 of the canonical JSON. */
  contentHash: string;
  /** SHA-256 of the gzip blob; the chunks are stored under `CHUNK#<blobHash>#<index>`. */
  blobHash: string;
  chunkCount: number;
  sizeBytes: number;
  compressedBytes: number;
}

interface ChunkItem {
  pk: string;
  sk: string;
  data: Uint8Array;
}

/**
 * Writes the chunks of a rule set and returns what its header must record. Chunks are keyed by
 * the hash of the gzip blob, so writing equal bytes again changes nothing. Keying them by the
 * content hash instead would let a writer whose zlib compresses differently overwrite the
 * chunks of a stored version with bytes of another length.
 */
export async function writeContent(table: RulesTable, brand: string, ruleSet: RuleSet): Promise<ContentDescriptor> {
  const { chunks, ...descriptor } = await encodeContent(ruleSet);

  for (let start = 0; start < chunks.length; start += CHUNK_WRITE_CONCURRENCY) {
    const batch = chunks.slice(start, start + CHUNK_WRITE_CONCURRENCY);
    await Promise.all(batch.map((data, offset) => writeChunk(table, brand, descriptor.blobHash, start + offset, data)));
  }

  return { ...descriptor, chunkCount: chunks.length };
}

/**
 * Reads the chunks a header names and returns the rule set they contain. Throws
 * `ContentHashMismatchError` when the joined chunks or the JSON inside them do not hash to the
 * values the header recorded.
 */
export async function readContent(table: RulesTable, brand: string, headerKey: string, descriptor: ContentDescriptor): Promise<RuleSet> {
  const items = await queryItems<ChunkItem>(table, brandPartition(brand), { prefix: chunkPrefix(descriptor.blobHash) });
  const blob = joinChunks(items.slice(0, descriptor.chunkCount).map((item) => item.data));

  const blobHash = sha256Hex(blob);
  if (blobHash !== descriptor.blobHash) {
    throw new ContentHashMismatchError(brand, headerKey, descriptor.blobHash, blobHash);
  }

  const json = await decompressJson(blob);
  const contentHash = sha256Hex(json);
  if (contentHash !== descriptor.contentHash) {
    throw new ContentHashMismatchError(brand, headerKey, descriptor.contentHash, contentHash);
  }
  return JSON.parse(json) as RuleSet;
}

/** Copies the descriptor fields out of a header item. */
export function pickDescriptor(item: ContentDescriptor): ContentDescriptor {
  const { contentHash, blobHash, chunkCount, sizeBytes, compressedBytes } = item;

  return { contentHash, blobHash, chunkCount, sizeBytes, compressedBytes };
}

async function writeChunk(table: RulesTable, brand: string, blobHash: string, index: number, data: Buffer): Promise<void> {
  const item: ChunkItem = { pk: brandPartition(brand), sk: chunkSortKey(blobHash, index), data };

  await table.client.send(new PutCommand({ TableName: table.tableName, Item: item }));
}
