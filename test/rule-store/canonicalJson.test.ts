import fc from 'fast-check';
import { sha256Hex, toCanonicalJson } from '../../functions/rule-store/canonicalJson';

/** Rebuilds every object of `value` with its keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(reverseKeys);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }

  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([key, inner]) => [key, reverseKeys(inner)]));
}

describe('toCanonicalJson', () => {
  it('sorts keys at every depth', () => {
    const json = toCanonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } });

    expect(json).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('keeps array order', () => {
    expect(toCanonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('leaves out undefined properties', () => {
    expect(toCanonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('keeps a __proto__ key', () => {
    expect(toCanonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"b":1}');
  });

  it('honours toJSON', () => {
    expect(toCanonicalJson({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });

  it('ignores key order of equal content', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(toCanonicalJson(reverseKeys(value))).toBe(toCanonicalJson(value));
      }),
    );
  });

  it('parses back to the same content', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(toCanonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('sha256Hex', () => {
  it.each([
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ])('hashes %p to the FIPS 180-2 digest', (input, digest) => {
    expect(sha256Hex(input)).toBe(digest);
  });

  it('hashes a string and its UTF-8 bytes alike', () => {
    expect(sha256Hex('Zürich')).toBe(sha256Hex(Buffer.from('Zürich', 'utf8')));
  });
});
