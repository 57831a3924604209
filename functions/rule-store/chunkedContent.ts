import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { sha256Hex, toCanonicalJson } from './canonicalJson';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * Maximum bytes of one chunk. A DynamoDB item stops at 400 KB including attribute names and
 * keys, so 300 KB of binary data leaves ample room for the rest of the chunk item. The value is
 * part of the storage format: chunk keys name the blob and the index, not the chunk size, so a
 * changed value would split a stored blob differently under the same keys. Change it only
 * together with the chunk key prefix.
 */
export const MAX_CHUNK_BYTES = 300 * 1024;

/** A rule set ready to store: its canonical JSON gzip-compressed and split into chunks. */
export interface EncodedContent {
  /** SHA-256 of the canonical JSON; equal content gives an equal hash. */
  contentHash: string;
  /** SHA-256 of the gzip bytes; chunks are stored under this hash. */
  blobHash: string;
  /** Bytes of canonical JSON (UTF-8) before compression. */
  sizeBytes: number;
  compressedBytes: number;
  chunks: Buffer[];
}

/** Serialises `value` as canonical JSON, compresses it with gzip and splits it into chunks. */
export async function encodeContent(value: unknown, maxChunkBytes: number = MAX_CHUNK_BYTES): Promise<EncodedContent> {
  const json = toCanonicalJson(value);
  const blob = await gzipAsync(json);

  return {
    contentHash: sha256Hex(json),
    blobHash: sha256Hex(blob),
    sizeBytes: Buffer.byteLength(json, 'utf8'),
    compressedBytes: blob.length,
    chunks: splitIntoChunks(blob, maxChunkBytes),
  };
}

/**
 * Cuts `blob` into consecutive slices of at most `maxChunkBytes`; an empty blob gives no chunks.
 * Throws `RangeError` when `maxChunkBytes` is not a positive integer.
 */
export function splitIntoChunks(blob: Buffer, maxChunkBytes: number = MAX_CHUNK_BYTES): Buffer[] {
  if (!Number.isInteger(maxChunkBytes) || maxChunkBytes < 1) {
    throw new RangeError(`Invalid maximum chunk size ${maxChunkBytes}: expected a positive integer number of bytes`);
  }

  const chunks: Buffer[] = [];
  for (let offset = 0; offset < blob.length; offset += maxChunkBytes) {
    chunks.push(blob.subarray(offset, offset + maxChunkBytes));
  }
  return chunks;
}

/** Concatenates chunks in the order given. */
export function joinChunks(chunks: readonly Uint8Array[]): Buffer {
  return Buffer.concat(chunks);
}

/** Decompresses a gzip blob into the JSON text it contains. Throws the zlib error when the blob is not gzip. */
export async function decompressJson(blob: Uint8Array): Promise<string> {
  const json = await gunzipAsync(blob);

  return json.toString('utf8');
}
