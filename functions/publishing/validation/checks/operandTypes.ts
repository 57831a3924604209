import { RULE_FACTS } from '../../../ruleset/ruleSet';
import { describeLeaf, isRecord, ruleEntries, walkConditions } from '../conditionLeaves';
import type { ConditionLeaf, RuleEntry } from '../conditionLeaves';
import type { CheckContext, RuleProblem } from '../ruleProblem';

const LIST_OPERATORS: ReadonlySet<unknown> = new Set(['in', 'notIn']);
const SINGLE_OPERATORS: ReadonlySet<unknown> = new Set(['equal', 'notEqual']);

/**
 * Reports comparison values of the wrong type. `in` and `notIn` need an array of strings because
 * json-rules-engine 7 tests a string value with `indexOf`, as a substring (`state in "MINY"`
 * also matches IN).
 * `equal` and `notEqual` need one string, because every fact is a string and the engine compares
 * with `===`: a number or an array never equals it. A `{"fact": ...}` value is not supported.
 */
export function checkOperandTypes(context: CheckContext): RuleProblem[] {
  return ruleEntries(context.ruleSet).flatMap((rule) =>
    walkConditions(rule).leaves.flatMap((leaf) => {
      const problem = checkValue(context.brand, rule, leaf);
      return problem === undefined ? [] : [problem];
    }),
  );
}

function checkValue(brand: string, rule: RuleEntry, leaf: ConditionLeaf): RuleProblem | undefined {
  const where = `Brand "${brand}", rule "${rule.label}", condition ${leaf.path} (${describeLeaf(leaf)})`;
  const base = { severity: 'error' as const, brand, rule: rule.label, path: `${leaf.path}.value` };

  if (isRecord(leaf.value) && Object.hasOwn(leaf.value, 'fact')) {
    return { ...base, code: 'value_not_string', message: `${where} compares with another fact. Only literal values are supported; write the value itself.` };
  }
  if (LIST_OPERATORS.has(leaf.operator)) {
    return checkList(where, base, leaf);
  }
  if (SINGLE_OPERATORS.has(leaf.operator) && typeof leaf.value !== 'string') {
    return { ...base, code: 'value_not_string', message: `${where} ${singleValueAdvice(leaf)}` };
  }

  return undefined;
}

function checkList(where: string, base: Omit<RuleProblem, 'code' | 'message'>, leaf: ConditionLeaf): RuleProblem | undefined {
  if (!Array.isArray(leaf.value)) {
    const items = typeof leaf.value === 'string' ? leaf.value.split(',').map((item) => item.trim()) : [leaf.value];
    const message =
      `${where} needs an array of values, but the value is not an array, and json-rules-engine would test it as a substring. ` +
      `Write ${JSON.stringify(items.map(String))}.`;
    return { ...base, code: 'value_not_array', message };
  }

  const wrong = leaf.value.filter((item) => typeof item !== 'string');
  if (wrong.length > 0) {
    const message = `${where} lists ${wrong.map((item) => JSON.stringify(item)).join(', ')}, which ${wrong.length === 1 ? 'is' : 'are'} not a string. Facts are strings (${RULE_FACTS.join(', ')}); quote each value, e.g. "02134".`;
    return { ...base, code: 'value_not_string', message };
  }

  return undefined;
}

function singleValueAdvice(leaf: ConditionLeaf): string {
  if (Array.isArray(leaf.value)) {
    const listOperator = leaf.operator === 'equal' ? 'in' : 'notIn';
    return `compares with an array, which never equals a string. Use "${listOperator}" to test several values.`;
  }
  if (typeof leaf.value === 'number') {
    const text = leaf.fact === 'zip' ? String(leaf.value).padStart(5, '0') : String(leaf.value);
    return `compares with the number ${leaf.value}, which never equals a string fact. Write the string "${text}".`;
  }

  return `compares with ${JSON.stringify(leaf.value) ?? 'nothing'}; expected one string value.`;
}
