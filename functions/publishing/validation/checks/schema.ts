import { validateRuleSetSchema } from '../../../ruleset/validateSchema';
import type { SchemaProblem } from '../../../ruleset/validateSchema';
import type { RuleSet } from '../../../ruleset/ruleSet';
import type { CheckContext, RuleProblem } from '../ruleProblem';

const RULE_POINTER = /^\/rules\/(\d+)(?:\/|$)/;

/** Reports every place where the rule set breaks the JSON Schemas in `rules/schemas/`, one error each. */
export function checkSchema(context: CheckContext): RuleProblem[] {
  return validateRuleSetSchema(context.ruleSet).map((problem) => fromSchemaProblem(problem, context.ruleSet));
}

/**
 * Converts a problem of `validateRuleSetSchema` into a validation problem. `path` is the file and
 * JSON pointer, e.g. `rules.json/rules/3/priority`, and `rule` names the rule the pointer is in.
 */
export function fromSchemaProblem(problem: SchemaProblem, ruleSet?: RuleSet): RuleProblem {
  const rule = problem.file === 'rules.json' ? ruleNameAt(problem.pointer, ruleSet) : undefined;
  const where = problem.pointer === '' ? problem.file : `${problem.file} at ${problem.pointer}`;
  const inRule = rule === undefined ? '' : ` (rule "${rule}")`;

  return {
    code: 'schema_violation',
    severity: 'error',
    brand: problem.brand,
    ...(rule === undefined ? {} : { rule }),
    path: `${problem.file}${problem.pointer}`,
    message: `Brand "${problem.brand}", ${where}${inRule}: ${problem.message}.`.replace(/\.\.$/, '.'),
  };
}

function ruleNameAt(pointer: string, ruleSet: RuleSet | undefined): string | undefined {
  const index = RULE_POINTER.exec(pointer)?.[1];
  const rules: unknown = ruleSet?.rules;
  if (index === undefined || !Array.isArray(rules)) {
    return undefined;
  }

  const name: unknown = (rules[Number(index)] as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : `#${Number(index) + 1}`;
}
