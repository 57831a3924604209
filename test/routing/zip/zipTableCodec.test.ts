import fc from 'fast-check';
import { ZipDataError } from '../../../functions/routing/zip/zipDataError';
import { decodePrefixRanges, encodePrefixRanges, encodeZipRuns, forEachZipRun, MAX_ZIP } from '../../../functions/routing/zip/zipTableCodec';

function decodeZips(encoded: string): number[] {
  const zips: number[] = [];
  forEachZipRun(encoded, (first, last) => {
    for (let zip = first; zip <= last; zip++) zips.push(zip);
  });

  return zips;
}

const sortedZips = fc.uniqueArray(fc.integer({ min: 0, max: MAX_ZIP }), { maxLength: 300 }).map((zips) => zips.sort((a, b) => a - b));

describe('encodeZipRuns', () => {
  it('round-trips any sorted set of ZIPs', () => {
    fc.assert(
      fc.property(sortedZips, (zips) => {
        expect(decodeZips(encodeZipRuns(zips))).toEqual(zips);
      }),
    );
  });

  it('writes one run per block of consecutive ZIPs', () => {
    const runs: Array<[number, number]> = [];
    forEachZipRun(encodeZipRuns([0, 1, 2, 501, 544, 545, MAX_ZIP]), (first, last) => runs.push([first, last]));

    expect(runs).toEqual([[0, 2], [501, 501], [544, 545], [MAX_ZIP, MAX_ZIP]]);
  });

  it.each([
    ['unsorted ZIPs', [5, 3]],
    ['duplicate ZIPs', [5, 5]],
    ['a ZIP above 99999', [100_000]],
    ['a negative ZIP', [-1]],
    ['a fractional ZIP', [1.5]],
  ])('rejects %s', (_name, zips) => {
    expect(() => encodeZipRuns(zips)).toThrow(ZipDataError);
  });
});

describe('forEachZipRun', () => {
  it.each([
    ['a character outside base64', 'A!'],
    ['a gap without a run length', 'A'],
    ['a number cut short', 'ABg'],
    ['a run past 99999', encodeZipRuns([MAX_ZIP]) + 'AA'],
  ])('rejects %s', (_name, encoded) => {
    expect(() => forEachZipRun(encoded, () => undefined)).toThrow(ZipDataError);
  });

  it('visits nothing for an empty string', () => {
    const visit = jest.fn();
    forEachZipRun('', visit);

    expect(visit).not.toHaveBeenCalled();
  });
});

describe('encodePrefixRanges', () => {
  it('writes consecutive prefixes as ranges', () => {
    expect(encodePrefixRanges([55, 10, 11, 12, 5])).toBe('005,010-012,055');
  });

  it('round-trips any set of prefixes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 999 }), { maxLength: 200 }), (prefixes) => {
        expect(decodePrefixRanges(encodePrefixRanges(prefixes))).toEqual([...prefixes].sort((a, b) => a - b));
      }),
    );
  });

  it('rejects a prefix above 999', () => {
    expect(() => encodePrefixRanges([1000])).toThrow(ZipDataError);
  });
});

describe('decodePrefixRanges', () => {
  it.each(['01', '010-', '010,,011', 'abc', '012-010'])('rejects %j', (encoded) => {
    expect(() => decodePrefixRanges(encoded)).toThrow(ZipDataError);
  });
});
