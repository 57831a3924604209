import { isUsState } from '../../../shared/usStates';
import { describeLeaf, isRecord, ruleEntries, walkConditions } from '../conditionLeaves';
import type { ConditionLeaf, RuleEntry } from '../conditionLeaves';
import type { CheckContext, RuleProblem } from '../ruleProblem';

const ZIP5 = /^\d{5}$/;

/**
 * Reports values that a comparison can never meet: a product the brand settings do not offer, a
 * language no product offers, a state outside the USPS codes in `US_STATES`, and a ZIP that is not
 * 5 digits or that the ZIP table does not contain. Each is an error, because it is almost always
 * a typo that leaves the rule matching less than its author expects.
 */
export function checkOfferedValues(context: CheckContext): RuleProblem[] {
  const offer = offeredBy(context);

  return ruleEntries(context.ruleSet).flatMap((rule) =>
    walkConditions(rule).leaves.flatMap((leaf) => valuesOf(leaf).flatMap((value) => checkValue(context, offer, rule, leaf, value))),
  );
}

interface Offer {
  products: ReadonlySet<string>;
  languages: ReadonlySet<string>;
}

function offeredBy(context: CheckContext): Offer {
  const products: unknown = context.ruleSet.settings?.products;
  if (!isRecord(products)) {
    return { products: new Set(), languages: new Set() };
  }

  const languages = Object.values(products).flatMap((product) => (isRecord(product) && Array.isArray(product.languages) ? product.languages : []));
  return { products: new Set(Object.keys(products)), languages: new Set(languages.filter((language) => typeof language === 'string')) };
}

function valuesOf(leaf: ConditionLeaf): string[] {
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];

  return values.filter((value): value is string => typeof value === 'string');
}

function checkValue(context: CheckContext, offer: Offer, rule: RuleEntry, leaf: ConditionLeaf, value: string): RuleProblem[] {
  const { brand } = context;
  const where = `Brand "${brand}", rule "${rule.label}", condition ${leaf.path} (${describeLeaf(leaf)})`;
  const base = { severity: 'error' as const, brand, rule: rule.label, path: `${leaf.path}.value` };

  if (leaf.fact === 'product' && !offer.products.has(value)) {
    const message = `${where} names the product "${value}", which brand.json does not offer. Offered products: ${list(offer.products)}.`;
    return [{ ...base, code: 'unoffered_product', message }];
  }
  if (leaf.fact === 'language' && !offer.languages.has(value)) {
    const message = `${where} names the language "${value}", which no product of brand.json offers. Offered languages: ${list(offer.languages)}; rules see the primary subtag only ("es", not "es-US").`;
    return [{ ...base, code: 'unoffered_language', message }];
  }
  if (leaf.fact === 'state' && !isUsState(value)) {
    const hint = isUsState(value.toUpperCase()) ? ` Write "${value.toUpperCase()}" in upper case.` : '';
    const message = `${where} names the state "${value}", which is not a USPS code (50 states, DC, PR, VI, GU, AS, MP, FM, MH, PW, AA, AE, AP).${hint}`;
    return [{ ...base, code: 'unknown_state', message }];
  }
  if (leaf.fact === 'zip') {
    return checkZip(context, where, base, value);
  }

  return [];
}

function checkZip(context: CheckContext, where: string, base: Omit<RuleProblem, 'code' | 'message'>, zip: string): RuleProblem[] {
  if (!ZIP5.test(zip)) {
    const message = `${where} names the ZIP "${zip}", but rules see ZIP codes as exactly 5 digits after normalisation (ZIP+4 is cut to 5). Write a 5-digit string such as "02134".`;
    return [{ ...base, code: 'invalid_zip_value', message }];
  }
  if (context.lookupState(zip) === null) {
    const message = `${where} names the ZIP "${zip}", which the ZIP table does not map to any state, so no request can carry it. Check for a typo.`;
    return [{ ...base, code: 'unknown_zip', message }];
  }

  return [];
}

function list(values: ReadonlySet<string>): string {
  return values.size === 0 ? 'none' : [...values].join(', ');
}
