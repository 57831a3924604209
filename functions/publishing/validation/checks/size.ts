import { gzipSync } from 'node:zlib';
import { toCanonicalJson } from '../../../rule-store/canonicalJson';
import { MAX_CHUNK_BYTES } from '../../../rule-store/chunkedContent';
import type { CheckContext, RuleProblem } from '../ruleProblem';

/**
 * Largest gzip-compressed canonical JSON a version may have. The rule store splits the gzip
 * bytes into chunk items of at most `MAX_CHUNK_BYTES` and sets no total limit itself. Three chunks
 * (900 KiB) keep the chunks of a version within one 1 MB DynamoDB Query page, so the hot path
 * loads a version in one read when it refreshes.
 */
export const MAX_COMPRESSED_BYTES = 3 * MAX_CHUNK_BYTES;

/** Share of `MAX_COMPRESSED_BYTES` above which a warning reports that the limit is near. */
const WARNING_SHARE = 0.8;

/** Reports a rule set whose compressed canonical JSON exceeds `MAX_COMPRESSED_BYTES`, and warns from 80% of it. */
export function checkSize(context: CheckContext): RuleProblem[] {
  const json = toCanonicalJson(context.ruleSet);
  const compressed = gzipSync(json).length;
  const uncompressed = Buffer.byteLength(json, 'utf8');
  const measured = `${kib(compressed)} KiB compressed (${kib(uncompressed)} KiB of canonical JSON)`;

  if (compressed > MAX_COMPRESSED_BYTES) {
    const message = `Brand "${context.brand}": the rule set is ${measured}, above the limit of ${kib(MAX_COMPRESSED_BYTES)} KiB compressed. Merge rules with "in" lists or remove unused forms and expectations.`;
    return [{ code: 'too_large', severity: 'error', brand: context.brand, message }];
  }
  if (compressed > MAX_COMPRESSED_BYTES * WARNING_SHARE) {
    const message = `Brand "${context.brand}": the rule set is ${measured}, over ${WARNING_SHARE * 100}% of the limit of ${kib(MAX_COMPRESSED_BYTES)} KiB compressed.`;
    return [{ code: 'near_size_limit', severity: 'warning', brand: context.brand, message }];
  }

  return [];
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
