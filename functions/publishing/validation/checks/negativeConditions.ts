import { RULE_FACTS } from '../../../ruleset/ruleSet';
import { describeLeaf, ruleEntries, walkConditions } from '../conditionLeaves';
import type { ConditionLeaf, RuleEntry } from '../conditionLeaves';
import { describeInput, exampleOf } from '../evaluateDomain';
import type { CheckContext, RuleProblem } from '../ruleProblem';

/** Facts that every resolve supplies, so a negative comparison on them never meets a missing value. */
const ALWAYS_PRESENT: ReadonlySet<unknown> = new Set(RULE_FACTS);
const POSITIVE_OPERATORS: ReadonlySet<unknown> = new Set(['equal', 'in']);
const NEGATIVE_OPERATORS: ReadonlySet<unknown> = new Set(['notEqual', 'notIn']);

/**
 * Warns about negative comparisons (`notEqual`, `notIn`, or `equal` and `in` under `not`) on a
 * fact that a request can lack, because a missing fact is "not equal" to everything. Warns too
 * about a rule whose every comparison is negative: it matches almost every input, which is rarely
 * what its author meant.
 */
export function checkNegativeConditions(context: CheckContext): RuleProblem[] {
  return ruleEntries(context.ruleSet).flatMap((rule) => {
    const leaves = walkConditions(rule).leaves;
    const negative = leaves.filter((leaf) => polarityOf(leaf) === 'negative');
    const positive = leaves.filter((leaf) => polarityOf(leaf) === 'positive');

    const missingFacts = negative.filter((leaf) => !ALWAYS_PRESENT.has(leaf.fact)).map((leaf) => onMissingFact(context.brand, rule, leaf));
    const onlyNegative = negative.length > 0 && positive.length === 0 ? [negativeOnly(context, rule, negative)] : [];

    return [...missingFacts, ...onlyNegative];
  });
}

function polarityOf(leaf: ConditionLeaf): 'positive' | 'negative' | 'unknown' {
  const negativeOperator = NEGATIVE_OPERATORS.has(leaf.operator);
  if (!negativeOperator && !POSITIVE_OPERATORS.has(leaf.operator)) {
    return 'unknown';
  }

  return negativeOperator !== leaf.inverted ? 'negative' : 'positive';
}

function onMissingFact(brand: string, rule: RuleEntry, leaf: ConditionLeaf): RuleProblem {
  const message =
    `Brand "${brand}", rule "${rule.label}", condition ${leaf.path} (${describeLeaf(leaf)}) is a negative comparison on ` +
    `${JSON.stringify(leaf.fact)}, which a request can lack, and a missing fact is unequal to every value. ` +
    `Compare only ${RULE_FACTS.join(', ')}, which every request supplies.`;

  return { code: 'negative_condition_on_missing_fact', severity: 'warning', brand, rule: rule.label, path: leaf.path, message };
}

function negativeOnly(context: CheckContext, rule: RuleEntry, negative: ConditionLeaf[]): RuleProblem {
  const tested = negative.map((leaf) => (leaf.inverted ? `not (${describeLeaf(leaf)})` : describeLeaf(leaf))).join(', ');
  const reach = matchedInputs(context, rule);
  const example = reach === undefined || reach.examples.length === 0 ? '' : `, e.g. ${describeInput(reach.examples[0]!)}`;
  const share = reach === undefined ? 'almost every input' : `${reach.count} of ${reach.total} inputs`;
  const message =
    `Brand "${context.brand}", rule "${rule.label}" tests only negative conditions (${tested}), so it matches ${share}${example}. ` +
    'Add a positive condition such as product equal "auto" to say where it applies.';

  return {
    code: 'negative_only_rule',
    severity: 'warning',
    brand: context.brand,
    rule: rule.label,
    path: `${rule.path}.conditions`,
    message,
    ...(reach === undefined ? {} : { examples: reach.examples, count: reach.count }),
  };
}

function matchedInputs(context: CheckContext, rule: RuleEntry) {
  const evaluation = context.evaluation();
  if (evaluation === null) {
    return undefined;
  }

  const matched = evaluation.inputs.filter((input) => input.matches.some((match) => match.position === rule.index));
  return { count: matched.length, total: evaluation.inputs.length, examples: matched.slice(0, 3).map(exampleOf) };
}
