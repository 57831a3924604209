import { US_STATES } from '../../functions/shared/usStates';
import type { UsState } from '../../functions/shared/usStates';
import { militaryStateOfPrefix } from './militaryPrefixes';

/**
 * How many of a prefix's ZIPs may sit in other states while the prefix still belongs to one state.
 * Such ZIPs are unique or border ZIPs filed in a neighbour's block: 06390 Fishers Island NY in
 * Connecticut's 063, 96799 Pago Pago AS in Hawaii's 967, 73960 Texhoma TX in Oklahoma's 739.
 */
export const MAX_FOREIGN_ZIPS_PER_PREFIX = 2;

/** The foreign ZIPs must also be fewer than this share of the prefix's ZIPs. */
export const MAX_FOREIGN_SHARE = 0.1;

/** The state each 3-digit prefix infers, and the prefixes that infer none. */
export interface PrefixInference {
  /** Owner state by prefix (index 0-999), `undefined` where a ZIP missing from the table stays unknown. */
  prefixStates: Array<UsState | undefined>;
  /** Prefixes with ZIPs in several states that fail the rule, with the ZIP count per state. */
  mixed: Array<{ prefix: string; counts: Partial<Record<UsState, number>> }>;
  /** Prefixes with no known ZIP and outside the military blocks. */
  unused: string[];
}

/**
 * Assigns each 3-digit prefix the state a ZIP missing from the table falls back to.
 *
 * A military prefix (340, 090-098, 962-966) belongs to its military code. Any other prefix belongs to
 * state S when S has more of the prefix's known ZIPs than any other state, and the ZIPs in other
 * states number at most `MAX_FOREIGN_ZIPS_PER_PREFIX` and less than `MAX_FOREIGN_SHARE` of the
 * prefix. A prefix without known ZIPs (000-004, 099, 213, ...) or failing the rule (969: GU, MP,
 * PW, FM and MH share it) belongs to no state.
 */
export function inferPrefixStates(states: ReadonlyMap<string, UsState>): PrefixInference {
  const counts = countZipsPerPrefix(states);
  const inference: PrefixInference = { prefixStates: [], mixed: [], unused: [] };

  for (let prefix = 0; prefix < 1000; prefix++) {
    const military = militaryStateOfPrefix(prefix);
    const prefixCounts = counts[prefix] ?? {};
    const owner = military ?? soleOwner(prefixCounts);
    inference.prefixStates.push(owner);

    const label = String(prefix).padStart(3, '0');
    if (owner === undefined && Object.keys(prefixCounts).length === 0) {
      inference.unused.push(label);
    } else if (owner === undefined) {
      inference.mixed.push({ prefix: label, counts: prefixCounts });
    }
  }

  return inference;
}

function countZipsPerPrefix(states: ReadonlyMap<string, UsState>): Array<Partial<Record<UsState, number>>> {
  const counts: Array<Partial<Record<UsState, number>>> = [];

  for (const [zip, state] of states) {
    const prefixCounts = (counts[Number(zip.slice(0, 3))] ??= {});
    prefixCounts[state] = (prefixCounts[state] ?? 0) + 1;
  }

  return counts;
}

function soleOwner(prefixCounts: Partial<Record<UsState, number>>): UsState | undefined {
  // The stable sort of a list in US_STATES order keeps the result independent of insertion order.
  // A tie never passes the rule anyway.
  const ranked = US_STATES.filter((state) => prefixCounts[state] !== undefined).sort(
    (a, b) => (prefixCounts[b] as number) - (prefixCounts[a] as number),
  );
  const top = ranked[0];
  if (top === undefined) {
    return undefined;
  }

  const total = ranked.reduce((sum, state) => sum + (prefixCounts[state] as number), 0);
  const foreign = total - (prefixCounts[top] as number);

  return foreign <= MAX_FOREIGN_ZIPS_PER_PREFIX && foreign < MAX_FOREIGN_SHARE * total ? top : undefined;
}
