import { UnsupportedConditionError } from './compileErrors';
import { booleanOperatorOf } from './conditionTree';
import { RULE_FACTS, RULE_OPERATORS } from './ruleSet';
import type { RuleFact, RuleFacts, RuleOperator } from './ruleSet';

/** A compiled condition tree: true when the facts satisfy it. Pure and synchronous. */
export type ConditionPredicate = (facts: RuleFacts) => boolean;

/** The rule a condition tree belongs to, named in errors. */
export interface ConditionSource {
  brand: string;
  ruleId: string;
}

const FACTS: ReadonlySet<string> = new Set(RULE_FACTS);
const OPERATORS: ReadonlySet<string> = new Set(RULE_OPERATORS);

/**
 * Validates a rule's condition tree and compiles it into a predicate that gives the same result
 * as json-rules-engine 7.3 for the same facts. As in the engine, `equal` is `===`, `in` tests
 * membership in the value array, `not` negates its one child, and an empty `all` or `any` is true.
 *
 * The accepted trees are a subset of what the engine accepts: the facts product, language, state
 * and zip, the operators equal, notEqual, in and notIn, and literal values (a string, or an array
 * of strings for in and notIn). Throws `UnsupportedConditionError` with the path of the first node
 * outside that subset, such as a fact reference as value, a shared condition reference, or an
 * `in` whose value is a string (which the engine would match as a substring).
 */
export function compileConditions(conditions: unknown, source: ConditionSource): ConditionPredicate {
  if (!isObject(conditions) || booleanOperatorOf(conditions) === undefined) {
    throw new UnsupportedConditionError(source.brand, source.ruleId, 'conditions', 'the root must be an object with "all", "any" or "not"');
  }

  return compileNode(conditions, 'conditions', source);
}

/** Compiles a condition tree and evaluates it once. Throws like `compileConditions`. */
export function evaluateConditions(conditions: unknown, facts: RuleFacts, source: ConditionSource): boolean {
  return compileConditions(conditions, source)(facts);
}

function compileNode(node: unknown, path: string, source: ConditionSource): ConditionPredicate {
  if (!isObject(node)) {
    throw new UnsupportedConditionError(source.brand, source.ruleId, path, `expected an object, got ${JSON.stringify(node)}`);
  }

  const operator = booleanOperatorOf(node);
  if (operator === 'not') return compileNot(node.not, `${path}.not`, source);
  if (operator !== undefined) return compileList(node[operator], operator, `${path}.${operator}`, source);
  if (Object.hasOwn(node, 'condition')) {
    throw new UnsupportedConditionError(source.brand, source.ruleId, path, 'shared condition references ("condition") are not supported, so write the condition inline');
  }

  return compileLeaf(node, path, source);
}

function compileNot(child: unknown, path: string, source: ConditionSource): ConditionPredicate {
  if (Array.isArray(child)) {
    throw new UnsupportedConditionError(source.brand, source.ruleId, path, '"not" takes one condition, not an array');
  }

  const predicate = compileNode(child, path, source);

  return (facts) => !predicate(facts);
}

function compileList(children: unknown, operator: 'all' | 'any', path: string, source: ConditionSource): ConditionPredicate {
  if (!Array.isArray(children)) {
    throw new UnsupportedConditionError(source.brand, source.ruleId, path, `"${operator}" must be an array of conditions`);
  }

  const predicates = children.map((child, index) => compileNode(child, `${path}[${index}]`, source));
  // The engine resolves an empty list to true for "any" as well as for "all" (Rule#evaluate, prioritizeAndRun).
  if (predicates.length === 0) return () => true;

  if (operator === 'all') return (facts) => predicates.every((predicate) => predicate(facts));

  return (facts) => predicates.some((predicate) => predicate(facts));
}

function compileLeaf(node: Record<string, unknown>, path: string, source: ConditionSource): ConditionPredicate {
  const { fact, operator, value } = node;
  const reject = (problem: string) => new UnsupportedConditionError(source.brand, source.ruleId, path, problem);

  if (typeof fact !== 'string' || !FACTS.has(fact)) {
    throw reject(`fact ${JSON.stringify(fact)} is not one of ${RULE_FACTS.join(', ')}`);
  }
  if (typeof operator !== 'string' || !OPERATORS.has(operator)) {
    throw reject(`operator ${JSON.stringify(operator)} is not one of ${RULE_OPERATORS.join(', ')}`);
  }

  return compileComparison(fact as RuleFact, operator as RuleOperator, value, reject);
}

function compileComparison(
  fact: RuleFact,
  operator: RuleOperator,
  value: unknown,
  reject: (problem: string) => Error,
): ConditionPredicate {
  if (operator === 'equal' || operator === 'notEqual') {
    if (typeof value !== 'string') throw reject(`"${operator}" needs a string value, got ${JSON.stringify(value)}`);

    return operator === 'equal' ? (facts) => facts[fact] === value : (facts) => facts[fact] !== value;
  }

  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw reject(`"${operator}" needs an array of strings as value, got ${JSON.stringify(value)}`);
  }

  const members: ReadonlySet<string> = new Set(value);

  return operator === 'in' ? (facts) => members.has(facts[fact]) : (facts) => !members.has(facts[fact]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
