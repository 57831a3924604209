import { booleanOperatorOf } from '../../ruleset/conditionTree';
import type { RuleSet } from '../../ruleset/ruleSet';

/** A rule as validation reads it: any field may be missing or of the wrong type until the schema check passes. */
export interface RuleEntry {
  /** The rule's name, or `#<position>` (one-based) when it has none. */
  label: string;
  /** The rule's name when it is a non-empty string. */
  name: string | undefined;
  index: number;
  /** `rules[<index>]` */
  path: string;
  value: Record<string, unknown>;
}

/** A comparison in a condition tree, with its place in the rule set. */
export interface ConditionLeaf {
  path: string;
  fact: unknown;
  operator: unknown;
  value: unknown;
  /** True under an odd number of `not` nodes, where the comparison's result is inverted. */
  inverted: boolean;
  node: Record<string, unknown>;
}

/** A node that is neither a comparison nor an `all`, `any` or `not` group, or a reference to a shared condition. */
export interface MalformedNode {
  path: string;
  kind: 'invalid_condition' | 'condition_reference';
  node: unknown;
}

export interface ConditionTree {
  leaves: ConditionLeaf[];
  malformed: MalformedNode[];
}

/** Returns the rules of a rule set that are objects, in file order; anything else is left to the schema check. */
export function ruleEntries(ruleSet: RuleSet): RuleEntry[] {
  const rules: unknown = ruleSet.rules;
  if (!Array.isArray(rules)) {
    return [];
  }

  return rules.flatMap((rule: unknown, index) => {
    if (!isRecord(rule)) {
      return [];
    }
    const name = typeof rule.name === 'string' && rule.name !== '' ? rule.name : undefined;

    return [{ label: name ?? `#${index + 1}`, name, index, path: `rules[${index}]`, value: rule }];
  });
}

/** Walks a rule's condition tree and returns its comparisons and its malformed nodes, each with its path. */
export function walkConditions(rule: RuleEntry): ConditionTree {
  const tree: ConditionTree = { leaves: [], malformed: [] };
  visit(rule.value.conditions, `${rule.path}.conditions`, false, tree);

  return tree;
}

/** Writes a comparison the way a rule author reads it: `state in ["NY","NJ"]`. */
export function describeLeaf(leaf: Pick<ConditionLeaf, 'fact' | 'operator' | 'value'>): string {
  const fact = typeof leaf.fact === 'string' ? leaf.fact : JSON.stringify(leaf.fact);
  const operator = typeof leaf.operator === 'string' ? leaf.operator : JSON.stringify(leaf.operator);

  return `${fact} ${operator} ${JSON.stringify(leaf.value)}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function visit(node: unknown, path: string, inverted: boolean, tree: ConditionTree): void {
  if (!isRecord(node)) {
    tree.malformed.push({ path, kind: 'invalid_condition', node });
    return;
  }

  const operator = booleanOperatorOf(node);
  if (operator === 'not') {
    visit(node.not, `${path}.not`, !inverted, tree);
  } else if (operator !== undefined) {
    visitList(node[operator], `${path}.${operator}`, inverted, tree);
  } else if (Object.hasOwn(node, 'condition')) {
    tree.malformed.push({ path, kind: 'condition_reference', node });
  } else if (Object.hasOwn(node, 'fact')) {
    tree.leaves.push({ path, fact: node.fact, operator: node.operator, value: node.value, inverted, node });
  } else {
    tree.malformed.push({ path, kind: 'invalid_condition', node });
  }
}

function visitList(children: unknown, path: string, inverted: boolean, tree: ConditionTree): void {
  if (!Array.isArray(children)) {
    tree.malformed.push({ path, kind: 'invalid_condition', node: children });
    return;
  }

  children.forEach((child, index) => visit(child, `${path}[${index}]`, inverted, tree));
}
