import { ZipDataError } from './zipDataError';

/*
 * The generated ZIP table stores the sorted ZIPs of each state as runs of consecutive numbers. A run
 * is two unsigned integers, the gap from the end of the previous run (or from 0) to its first ZIP and
 * then its length minus one. Each integer is a base64 VLQ as in source maps, without the sign bit.
 * Every character carries 5 data bits, least significant group first, and all but the last of a
 * number have the continuation bit (32) set.
 */

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT_VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < BASE64_DIGITS.length; value++) {
  DIGIT_VALUES[BASE64_DIGITS.charCodeAt(value)] = value;
}

const DATA_BITS = 5;
const DATA_MASK = 0b1_1111;
const CONTINUATION_BIT = 0b10_0000;

/** Largest ZIP as a number (99999). */
export const MAX_ZIP = 99_999;

/** Encodes sorted, distinct ZIP numbers as runs. Throws `ZipDataError` on unsorted or out-of-range input. */
export function encodeZipRuns(zips: readonly number[]): string {
  let encoded = '';
  let nextExpected = 0;

  for (let start = 0; start < zips.length; ) {
    let end = start;
    while (end + 1 < zips.length && zips[end + 1] === (zips[end] as number) + 1) {
      end++;
    }
    const first = zips[start] as number;
    const last = zips[end] as number;
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < nextExpected || last > MAX_ZIP) {
      throw new ZipDataError(`ZIP ${first} is out of order or outside 0-${MAX_ZIP}. The input must be sorted, distinct ZIPs.`);
    }
    encoded += encodeUnsigned(first - nextExpected) + encodeUnsigned(last - first);
    nextExpected = last + 1;
    start = end + 1;
  }

  return encoded;
}

/**
 * Calls `visit(first, last)` for every run that `encodeZipRuns` wrote, in ascending order.
 * Throws `ZipDataError` when the text is not a complete sequence of runs within 0-99999.
 */
export function forEachZipRun(encoded: string, visit: (first: number, last: number) => void): void {
  const cursor = { position: 0 };
  let nextExpected = 0;

  while (cursor.position < encoded.length) {
    const first = nextExpected + decodeUnsigned(encoded, cursor);
    if (cursor.position >= encoded.length) {
      throw new ZipDataError(`ZIP runs end after a gap at character ${cursor.position}, but a run length must follow`);
    }
    const last = first + decodeUnsigned(encoded, cursor);
    if (last > MAX_ZIP) {
      throw new ZipDataError(`ZIP run ${first}-${last} exceeds ${MAX_ZIP}`);
    }
    visit(first, last);
    nextExpected = last + 1;
  }
}

/** Encodes 3-digit prefix numbers (0-999) as sorted ranges, e.g. `[10, 11, 12, 55]` as `010-012,055`. */
export function encodePrefixRanges(prefixes: readonly number[]): string {
  const sorted = [...new Set(prefixes)].sort((a, b) => a - b);
  const ranges: string[] = [];

  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] as number) + 1) {
      end++;
    }
    const first = formatPrefix(sorted[start] as number);
    ranges.push(end === start ? first : `${first}-${formatPrefix(sorted[end] as number)}`);
    start = end + 1;
  }

  return ranges.join(',');
}

/** Decodes `encodePrefixRanges` output into prefix numbers. Throws `ZipDataError` on a malformed range. */
export function decodePrefixRanges(encoded: string): number[] {
  const prefixes: number[] = [];
  if (encoded === '') {
    return prefixes;
  }

  for (const range of encoded.split(',')) {
    const match = /^(\d{3})(?:-(\d{3}))?$/.exec(range);
    if (match === null) {
      throw new ZipDataError(`prefix range "${range}" is malformed. Expected NNN or NNN-NNN.`);
    }
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) {
      throw new ZipDataError(`prefix range "${range}" ends before it starts`);
    }
    for (let prefix = first; prefix <= last; prefix++) {
      prefixes.push(prefix);
    }
  }

  return prefixes;
}

function formatPrefix(prefix: number): string {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 999) {
    throw new ZipDataError(`prefix ${prefix} is outside 0-999`);
  }

  return String(prefix).padStart(3, '0');
}

function encodeUnsigned(value: number): string {
  let remaining = value;
  let encoded = '';

  do {
    let digit = remaining & DATA_MASK;
    remaining >>>= DATA_BITS;
    if (remaining > 0) {
      digit |= CONTINUATION_BIT;
    }
    encoded += BASE64_DIGITS[digit];
  } while (remaining > 0);

  return encoded;
}

function decodeUnsigned(encoded: string, cursor: { position: number }): number {
  let value = 0;
  let shift = 0;
  let digit: number;

  do {
    if (cursor.position >= encoded.length) {
      throw new ZipDataError(`ZIP runs end inside a number at character ${cursor.position}`);
    }
    const code = encoded.charCodeAt(cursor.position++);
    digit = code < 128 ? (DIGIT_VALUES[code] as number) : -1;
    if (digit < 0) {
      throw new ZipDataError(`ZIP runs contain "${encoded[cursor.position - 1]}" at character ${cursor.position - 1}, which is not a base64 digit`);
    }
    value += (digit & DATA_MASK) * 2 ** shift;
    shift += DATA_BITS;
  } while (digit & CONTINUATION_BIT);

  return value;
}
