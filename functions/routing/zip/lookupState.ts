import { US_STATES } from '../../shared/usStates';
import type { UsState } from '../../shared/usStates';
import { PREFIX_RANGES, ZIP_RUNS } from './zipStateData.generated';
import { decodePrefixRanges, forEachZipRun, MAX_ZIP } from './zipTableCodec';

export { ZIP_DATA_VERSION } from './zipStateData.generated';

/** The state a ZIP maps to. `inferred` is true when the ZIP is not in the table and its 3-digit prefix gave the state. */
export interface ZipState {
  readonly state: UsState;
  readonly inferred: boolean;
}

// Both arrays hold an index into US_STATES plus one, so that 0 means "no state".
const NO_STATE = 0;
const zipStates = new Uint8Array(MAX_ZIP + 1);
const prefixStates = new Uint8Array(1000);

// One frozen result per state and kind, so that a lookup allocates nothing.
const KNOWN_RESULTS: readonly ZipState[] = US_STATES.map((state) => Object.freeze({ state, inferred: false }));
const INFERRED_RESULTS: readonly ZipState[] = US_STATES.map((state) => Object.freeze({ state, inferred: true }));

US_STATES.forEach((state, index) => {
  forEachZipRun(ZIP_RUNS[state] ?? '', (first, last) => zipStates.fill(index + 1, first, last + 1));
  for (const prefix of decodePrefixRanges(PREFIX_RANGES[state] ?? '')) {
    prefixStates[prefix] = index + 1;
  }
});

/**
 * Looks up the USPS state of a 5-digit ZIP, as `normalizeZip` produces it. A ZIP in the table gets
 * its own state. A ZIP missing from the table gets its 3-digit prefix's state with `inferred: true`
 * when the prefix belongs to one state (docs/zip-data.md defines when). Returns `null` for an unknown
 * ZIP and for input other than five ASCII digits. The returned objects are frozen and shared.
 */
export function lookupState(zip5: string): ZipState | null {
  const zip = parseZip5(zip5);
  if (zip < 0) {
    return null;
  }

  const known = zipStates[zip] as number;
  if (known !== NO_STATE) {
    return KNOWN_RESULTS[known - 1] as ZipState;
  }

  const inferred = prefixStates[(zip / 100) | 0] as number;

  return inferred === NO_STATE ? null : (INFERRED_RESULTS[inferred - 1] as ZipState);
}

/** Returns the ZIP as a number, or -1 when the text is not exactly five ASCII digits. */
function parseZip5(text: string): number {
  if (text.length !== 5) {
    return -1;
  }

  let value = 0;
  for (let position = 0; position < 5; position++) {
    const digit = text.charCodeAt(position) - 48;
    if (digit < 0 || digit > 9) {
      return -1;
    }
    value = value * 10 + digit;
  }

  return value;
}
