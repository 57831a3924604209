import { ruleEntries } from '../conditionLeaves';
import type { CheckContext, RuleProblem } from '../ruleProblem';

/** Reports rule names used by more than one rule, because `ruleId` in responses and logs must name one rule. */
export function checkRuleNames(context: CheckContext): RuleProblem[] {
  const positions = new Map<string, number[]>();
  for (const rule of ruleEntries(context.ruleSet)) {
    if (rule.name !== undefined) {
      positions.set(rule.name, [...(positions.get(rule.name) ?? []), rule.index]);
    }
  }

  return [...positions]
    .filter(([, indexes]) => indexes.length > 1)
    .map(([name, indexes]) => ({
      code: 'duplicate_rule_name' as const,
      severity: 'error' as const,
      brand: context.brand,
      rule: name,
      path: indexes.map((index) => `rules[${index}].name`).join(', '),
      message: `Brand "${context.brand}": the rule name "${name}" is used by ${indexes.length} rules (${indexes.map((index) => `rules[${index}]`).join(', ')}). Every rule needs its own name, which responses and logs report as ruleId.`,
    }));
}
