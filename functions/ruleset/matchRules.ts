import { InvalidRuleNameError, InvalidRulePriorityError, UnknownFormError } from './compileErrors';
import { requiredValues } from './conditionTree';
import { compileConditions } from './evaluateConditions';
import type { ConditionPredicate } from './evaluateConditions';
import type { RuleDefinition, RuleFacts, RuleSet } from './ruleSet';

/** A rule whose conditions hold for an input. */
export interface MatchedRule {
  ruleId: string;
  formId: string;
  priority: number;
  /** Zero-based index of the rule in `ruleSet.rules`. */
  position: number;
}

/** Finds the rules of one rule set that match an input. Built once per rule set, then called per input. */
export interface RuleMatcher {
  /** Every matching rule, highest priority first, equal priorities in file order. */
  match(facts: RuleFacts): MatchedRule[];
}

interface PreparedRule {
  matched: MatchedRule;
  predicate: ConditionPredicate;
  /** Products the rule can match, or `undefined` when its conditions do not limit the product. */
  products: ReadonlySet<string> | undefined;
}

/**
 * Validates the rules of a rule set and indexes them by the product their conditions require,
 * so that matching one input tests only the rules that can apply to its product.
 *
 * Throws `InvalidRuleNameError` for a missing or repeated rule name, `InvalidRulePriorityError`
 * for a priority that is not a positive integer, `UnknownFormError` for a form missing from
 * `forms`, and `UnsupportedConditionError` for conditions outside the supported subset.
 */
export function createRuleMatcher(ruleSet: RuleSet): RuleMatcher {
  const brand = ruleSet.settings.brand;
  checkRuleNames(brand, ruleSet.rules);
  const prepared = ruleSet.rules.map((rule, position) => prepareRule(ruleSet, rule, position));
  prepared.sort((a, b) => b.matched.priority - a.matched.priority || a.matched.position - b.matched.position);

  const unlimited = prepared.filter((rule) => rule.products === undefined);
  const byProduct = indexByProduct(prepared);

  const match = (facts: RuleFacts): MatchedRule[] => {
    const candidates = byProduct.get(facts.product) ?? unlimited;

    return candidates.filter((rule) => rule.predicate(facts)).map((rule) => rule.matched);
  };

  return { match };
}

/**
 * Returns every rule that matches one input, highest priority first and equal priorities in
 * file order: the first entry is the winner. Builds a matcher on each call, so use
 * `createRuleMatcher` for many inputs. Throws like `createRuleMatcher`.
 */
export function matchRules(ruleSet: RuleSet, facts: RuleFacts): MatchedRule[] {
  return createRuleMatcher(ruleSet).match(facts);
}

function prepareRule(ruleSet: RuleSet, rule: RuleDefinition, position: number): PreparedRule {
  const brand = ruleSet.settings.brand;
  const ruleId = rule.name;
  const formId: unknown = rule.event?.params?.form;

  if (!Number.isInteger(rule.priority) || rule.priority < 1) {
    throw new InvalidRulePriorityError(brand, ruleId, rule.priority);
  }
  if (typeof formId !== 'string' || !Object.hasOwn(ruleSet.forms, formId)) {
    throw new UnknownFormError(brand, ruleId, formId, Object.keys(ruleSet.forms));
  }

  const predicate = compileConditions(rule.conditions, { brand, ruleId });
  const products = requiredValues(rule.conditions, 'product');

  return { matched: { ruleId, formId, priority: rule.priority, position }, predicate, products };
}

function checkRuleNames(brand: string, rules: RuleDefinition[]): void {
  const positionsByName = new Map<unknown, number[]>();
  rules.forEach((rule, position) => {
    positionsByName.set(rule.name, [...(positionsByName.get(rule.name) ?? []), position]);
  });

  for (const [name, positions] of positionsByName) {
    if (typeof name !== 'string' || name === '' || positions.length > 1) {
      throw new InvalidRuleNameError(brand, name, positions);
    }
  }
}

/** Lists, per product, the rules limited to it plus the unlimited ones, in the sorted order of `prepared`. */
function indexByProduct(prepared: PreparedRule[]): Map<string, PreparedRule[]> {
  const products = new Set(prepared.flatMap((rule) => [...(rule.products ?? [])]));
  const byProduct = new Map<string, PreparedRule[]>();

  for (const product of products) {
    byProduct.set(
      product,
      prepared.filter((rule) => rule.products === undefined || rule.products.has(product)),
    );
  }

  return byProduct;
}
