import fc from 'fast-check';
import { decompressJson, encodeContent, joinChunks, MAX_CHUNK_BYTES, splitIntoChunks } from '../../functions/rule-store/chunkedContent';
import { sha256Hex, toCanonicalJson } from '../../functions/rule-store/canonicalJson';
import { largeRuleSet, smallRuleSet } from './fixtures/ruleStoreFixtures';

describe('splitIntoChunks', () => {
  it('cuts a blob into slices of the maximum size', () => {
    const chunks = splitIntoChunks(Buffer.alloc(10, 1), 4);

    expect(chunks.map((chunk) => chunk.length)).toEqual([4, 4, 2]);
  });

  it('gives no chunks for an empty blob', () => {
    expect(splitIntoChunks(Buffer.alloc(0), 4)).toEqual([]);
  });

  it.each([0, -1, 2.5, Number.NaN])('throws RangeError for chunk size %p', (size) => {
    expect(() => splitIntoChunks(Buffer.alloc(1), size)).toThrow(RangeError);
  });

  it('joins back to the original blob', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), fc.integer({ min: 1, max: 300 }), (bytes, size) => {
        const chunks = splitIntoChunks(Buffer.from(bytes), size);

        expect(joinChunks(chunks).equals(Buffer.from(bytes))).toBe(true);
        expect(chunks.every((chunk) => chunk.length >= 1 && chunk.length <= size)).toBe(true);
      }),
    );
  });
});

describe('encodeContent', () => {
  it('records the hashes and sizes of the content', async () => {
    const ruleSet = smallRuleSet('acme');
    const json = toCanonicalJson(ruleSet);

    const encoded = await encodeContent(ruleSet);
    const blob = joinChunks(encoded.chunks);

    expect(encoded.contentHash).toBe(sha256Hex(json));
    expect(encoded.blobHash).toBe(sha256Hex(blob));
    expect(encoded.sizeBytes).toBe(Buffer.byteLength(json));
    expect(encoded.compressedBytes).toBe(blob.length);
    expect(await decompressJson(blob)).toBe(json);
  });

  it('splits large content into chunks of at most 300 KB', async () => {
    const ruleSet = largeRuleSet('acme');

    const encoded = await encodeContent(ruleSet);

    expect(encoded.chunks.length).toBeGreaterThan(1);
    expect(encoded.chunks.every((chunk) => chunk.length <= MAX_CHUNK_BYTES)).toBe(true);
    expect(JSON.parse(await decompressJson(joinChunks(encoded.chunks)))).toEqual(ruleSet);
  });

  it('encodes equal content to equal bytes', async () => {
    const first = await encodeContent({ b: 1, a: 2 });
    const second = await encodeContent({ a: 2, b: 1 });

    expect(second.blobHash).toBe(first.blobHash);
    expect(second.contentHash).toBe(first.contentHash);
  });
});

describe('decompressJson', () => {
  it('throws for bytes that are not gzip', async () => {
    await expect(decompressJson(Buffer.from('not gzip'))).rejects.toThrow();
  });
});
