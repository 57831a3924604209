import type { RuleFact } from './ruleSet';

/** The boolean operators of a json-rules-engine condition tree. */
export type BooleanOperator = 'any' | 'all' | 'not';

/** A comparison at a leaf of the tree, before validation. */
export interface LeafCondition {
  fact: unknown;
  operator: unknown;
  value: unknown;
}

/**
 * Returns the boolean operator of a condition node, or `undefined` for a leaf. A node with more
 * than one of the keys is read the way json-rules-engine 7 reads it (`Condition.booleanOperator`):
 * `any` first, then `all`, then `not`.
 */
export function booleanOperatorOf(node: object): BooleanOperator | undefined {
  if (Object.hasOwn(node, 'any')) return 'any';
  if (Object.hasOwn(node, 'all')) return 'all';
  if (Object.hasOwn(node, 'not')) return 'not';

  return undefined;
}

/** Returns every leaf comparison in a condition tree. Malformed nodes are skipped, not reported. */
export function collectLeaves(node: unknown): LeafCondition[] {
  if (typeof node !== 'object' || node === null) return [];

  const operator = booleanOperatorOf(node);
  if (operator === undefined) {
    return Object.hasOwn(node, 'fact') ? [node as LeafCondition] : [];
  }

  const children: unknown = (node as Record<BooleanOperator, unknown>)[operator];

  return Array.isArray(children) ? children.flatMap(collectLeaves) : collectLeaves(children);
}

/**
 * Returns the values `fact` must take for a validated condition tree to be true, or `undefined`
 * when the tree does not limit it. The set may be larger than needed but never too small, so a
 * rule can be skipped for any input whose value lies outside it.
 */
export function requiredValues(node: object, fact: RuleFact): ReadonlySet<string> | undefined {
  const operator = booleanOperatorOf(node);
  if (operator === 'not') return undefined;
  if (operator === undefined) return leafValues(node as LeafCondition, fact);

  const children = (node as Record<'all' | 'any', object[]>)[operator].map((child) => requiredValues(child, fact));

  return operator === 'all' ? intersectKnown(children) : uniteAll(children);
}

function leafValues(leaf: LeafCondition, fact: RuleFact): ReadonlySet<string> | undefined {
  if (leaf.fact !== fact) return undefined;
  if (leaf.operator === 'equal') return new Set([leaf.value as string]);
  if (leaf.operator === 'in') return new Set(leaf.value as string[]);

  return undefined;
}

/** `all`: every limited child must hold, so the value lies in each of their sets. */
function intersectKnown(sets: (ReadonlySet<string> | undefined)[]): ReadonlySet<string> | undefined {
  const known = sets.filter((set): set is ReadonlySet<string> => set !== undefined);
  const [first, ...rest] = known;
  if (first === undefined) return undefined;

  return new Set([...first].filter((value) => rest.every((set) => set.has(value))));
}

/** `any`: one child must hold, so the tree is limited only when every child is. An empty `any` is true. */
function uniteAll(sets: (ReadonlySet<string> | undefined)[]): ReadonlySet<string> | undefined {
  if (sets.length === 0 || sets.some((set) => set === undefined)) return undefined;

  return new Set(sets.flatMap((set) => [...(set as ReadonlySet<string>)]));
}
