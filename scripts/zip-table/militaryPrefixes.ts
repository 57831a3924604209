import type { UsState } from '../../functions/shared/usStates';

/** USPS prefix blocks of military mail: 340 is AA (Americas), 090-098 AE (Europe), 962-966 AP (Pacific). */
const MILITARY_PREFIX_BLOCKS: ReadonlyArray<{ first: number; last: number; state: UsState }> = [
  { first: 340, last: 340, state: 'AA' },
  { first: 90, last: 98, state: 'AE' },
  { first: 962, last: 966, state: 'AP' },
];

/** Returns the military code for a 3-digit prefix (0-999), or `undefined` outside the military blocks. */
export function militaryStateOfPrefix(prefix: number): UsState | undefined {
  return MILITARY_PREFIX_BLOCKS.find((block) => prefix >= block.first && prefix <= block.last)?.state;
}

/** Returns the military code for a 5-digit ZIP string, or `undefined` outside the military blocks. */
export function militaryStateOfZip(zip: string): UsState | undefined {
  return militaryStateOfPrefix(Number(zip.slice(0, 3)));
}
