import type { RuleConflict } from '../../../ruleset/compileErrors';
import { RuleConflictCollector } from '../../../ruleset/ruleConflicts';
import { ruleEntries } from '../conditionLeaves';
import { describeInput, exampleOf } from '../evaluateDomain';
import type { CheckContext, RuleProblem } from '../ruleProblem';

/**
 * Reports each pair of rules with equal priority that match a common input and route to different
 * forms. json-rules-engine defines no winner among equal priorities, so such a rule set is
 * rejected. The pairs are found by the compiler's own collector (`RuleConflictCollector`), so this
 * check and `compileRoutingTable`'s `RuleConflictError` always agree.
 */
export function checkPriorityConflicts(context: CheckContext): RuleProblem[] {
  const evaluation = context.evaluation();
  if (evaluation === null) {
    return [];
  }

  const collector = new RuleConflictCollector();
  for (const input of evaluation.inputs) {
    collector.inspect(input.matches, exampleOf(input));
  }

  const positions = new Map(ruleEntries(context.ruleSet).map((rule) => [rule.label, rule.index]));
  return collector.conflicts.map((conflict) => describeConflict(context.brand, conflict, positions.get(conflict.second.ruleId)));
}

function describeConflict(brand: string, conflict: RuleConflict, position: number | undefined): RuleProblem {
  const { first, second, priority, example } = conflict;
  const message =
    `Brand "${brand}": rules "${first.ruleId}" (form "${first.formId}") and "${second.ruleId}" (form "${second.formId}") ` +
    `both have priority ${priority} and both match ${describeInput(example)}, so neither is the defined winner. ` +
    'Give one of them a higher priority, or make their conditions exclusive.';

  return {
    code: 'rule_conflict',
    severity: 'error',
    brand,
    rule: second.ruleId,
    ...(position === undefined ? {} : { path: `rules[${position}].priority` }),
    message,
    examples: [example],
  };
}
