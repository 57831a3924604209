import { US_STATES } from '../../functions/shared/usStates';
import type { LookupState, ZipState } from '../../functions/ruleset/ruleDomain';

/** Real states of the ZIP codes the fixture rule sets name, so that their examples read true. */
const KNOWN_ZIPS: Readonly<Record<string, string>> = {
  '10001': 'NY',
  '10002': 'NY',
  '33101': 'FL',
  '60601': 'IL',
  '70112': 'LA',
  '73301': 'TX',
  '90210': 'CA',
  '96799': 'AS',
};

/**
 * Maps ZIPs to states without the ZIP table. The ZIPs above get their real states, and every
 * other 5-digit string from prefix 005 upward gets a state picked by its 3-digit prefix.
 * Prefixes 000–004 and malformed strings are unknown (`null`).
 */
export const fakeLookupState: LookupState = (zip: string): ZipState | null => {
  const known = KNOWN_ZIPS[zip];
  if (known !== undefined) return { state: known, inferred: false };
  if (!/^\d{5}$/.test(zip) || Number(zip.slice(0, 3)) < 5) return null;

  const state = US_STATES[Number(zip.slice(0, 3)) % US_STATES.length] as string;

  return { state, inferred: true };
};
