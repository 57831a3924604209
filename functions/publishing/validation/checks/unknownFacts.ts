import { RULE_FACTS, RULE_OPERATORS } from '../../../ruleset/ruleSet';
import { describeLeaf, ruleEntries, walkConditions } from '../conditionLeaves';
import type { ConditionLeaf, MalformedNode, RuleEntry } from '../conditionLeaves';
import type { CheckContext, RuleProblem } from '../ruleProblem';

const FACTS: ReadonlySet<unknown> = new Set(RULE_FACTS);
const OPERATORS: ReadonlySet<unknown> = new Set(RULE_OPERATORS);

/** Operator names of json-rules-engine and common slips, with the supported operator to use instead. */
const OPERATOR_HINTS: Readonly<Record<string, string>> = {
  equals: 'equal',
  notEquals: 'notEqual',
  not_equal: 'notEqual',
  contains: 'in',
  doesNotContain: 'notIn',
  not_in: 'notIn',
};

/**
 * Reports comparisons on facts other than product, language, state and zip, operators other than
 * equal, notEqual, in and notIn, JSON paths into facts, references to shared conditions, and
 * nodes that are not conditions at all. All are errors: the compiler cannot evaluate them.
 */
export function checkUnknownFacts(context: CheckContext): RuleProblem[] {
  return ruleEntries(context.ruleSet).flatMap((rule) => {
    const tree = walkConditions(rule);
    const leafProblems = tree.leaves.flatMap((leaf) => checkLeaf(context.brand, rule, leaf));
    const nodeProblems = tree.malformed.map((node) => describeMalformed(context.brand, rule, node));

    return [...leafProblems, ...nodeProblems];
  });
}

function checkLeaf(brand: string, rule: RuleEntry, leaf: ConditionLeaf): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const where = `Brand "${brand}", rule "${rule.label}", condition ${leaf.path} (${describeLeaf(leaf)})`;

  if (!FACTS.has(leaf.fact)) {
    const message = `${where} tests the fact ${JSON.stringify(leaf.fact)}, which no request supplies. Rules may test only ${RULE_FACTS.join(', ')}.`;
    problems.push({ code: 'unknown_fact', severity: 'error', brand, rule: rule.label, path: `${leaf.path}.fact`, message });
  }
  if (!OPERATORS.has(leaf.operator)) {
    const hint = typeof leaf.operator === 'string' ? OPERATOR_HINTS[leaf.operator] : undefined;
    const suggestion = hint === undefined ? '' : ` Did you mean "${hint}"?`;
    const message = `${where} uses the operator ${JSON.stringify(leaf.operator)}. Rules may use only ${RULE_OPERATORS.join(', ')}.${suggestion}`;
    problems.push({ code: 'unknown_operator', severity: 'error', brand, rule: rule.label, path: `${leaf.path}.operator`, message });
  }
  if (Object.hasOwn(leaf.node, 'path')) {
    const message = `${where} has a "path" (${JSON.stringify(leaf.node.path)}), but every fact is a plain string with nothing to select inside it. Remove "path".`;
    problems.push({ code: 'fact_path', severity: 'error', brand, rule: rule.label, path: `${leaf.path}.path`, message });
  }

  return problems;
}

function describeMalformed(brand: string, rule: RuleEntry, node: MalformedNode): RuleProblem {
  if (node.kind === 'condition_reference') {
    const name = JSON.stringify((node.node as { condition?: unknown }).condition);
    const message = `Brand "${brand}", rule "${rule.label}", condition ${node.path} refers to the shared condition ${name}. Shared conditions are not supported; write the condition inline.`;

    return { code: 'condition_reference', severity: 'error', brand, rule: rule.label, path: node.path, message };
  }

  const message =
    `Brand "${brand}", rule "${rule.label}": ${node.path} is ${JSON.stringify(node.node) ?? 'missing'}, which is not a condition. ` +
    'Expected a comparison {"fact", "operator", "value"} or a group {"all": [...]}, {"any": [...]} or {"not": {...}}.';

  return { code: 'invalid_condition', severity: 'error', brand, rule: rule.label, path: node.path, message };
}
