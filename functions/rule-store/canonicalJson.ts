import { createHash } from 'node:crypto';

/**
 * Serialises a JSON value with the keys of every object sorted by UTF-16 code unit, so equal
 * content always gives the same text and the same hash. Array order is kept. As with
 * `JSON.stringify`, object properties that are `undefined` are left out and `toJSON` is honoured.
 */
export function toCanonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** Returns the lower-case hex SHA-256 digest of a string (as UTF-8) or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return sortKeys((value as { toJSON(): unknown }).toJSON());
  }

  // Object.fromEntries defines own properties, so a `__proto__` key from JSON.parse stays a key.
  const keys = Object.keys(value).sort();
  return Object.fromEntries(keys.map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}
