import { US_STATES } from '../../functions/shared/usStates';
import type { LookupState } from '../../functions/ruleset/ruleDomain';
import type { ExpectationCase, FormDefinition, RuleDefinition, RuleSet } from '../../functions/ruleset/ruleSet';

/** Sizes of a generated rule set. The defaults give 10 × 2 × 50 state rules plus 100 × 10 ZIP rules: 2,000 rules. */
export interface LargeRuleSetOptions {
  brand?: string;
  products?: number;
  /** At most 4: en, es, fr, zh. */
  languages?: number;
  /** Taken from the start of `US_STATES`. With 50 or fewer, DC, the territories and the military codes get no state rule. */
  states?: number;
  /** Named ZIPs; each gets one rule per product. */
  zipOverrides?: number;
  /**
   * Adds what publishing requires: per product, a rule that sends the state codes without state
   * rules to a `not-served` form, so that validation finds no coverage gap. Adds one expectation
   * per rule, on an input that the rule decides.
   */
  publishable?: boolean;
}

/** One `all` condition of a generated rule. */
interface Leaf {
  fact: string;
  operator: string;
  value: string | string[];
}

const LANGUAGES = ['en', 'es', 'fr', 'zh'];
const FORM_IDS = ['online', 'agent', 'callback'] as const;
export const NOT_SERVED_RULE_PRIORITY = 1;
export const STATE_RULE_PRIORITY = 10;
export const ZIP_RULE_PRIORITY = 20;

/**
 * Generates a synthetic brand of predictable shape for compile tests and benchmarks. The rule for
 * product × language × state is named `state-<product>-<language>-<state>`, with the state in
 * lower case as rule names require. The rule for a ZIP and a product is named
 * `zip-<zip>-<product>` and outranks the state rules. Named ZIPs are the first ones of a fixed
 * sequence that `lookupState` maps to a state, so they are valid for any ZIP table.
 */
export function generateLargeRuleSet(lookupState: LookupState, options: LargeRuleSetOptions = {}): RuleSet {
  const brand = options.brand ?? 'large';
  const products = Array.from({ length: options.products ?? 10 }, (_, index) => `product${String(index + 1).padStart(2, '0')}`);
  const languages = LANGUAGES.slice(0, options.languages ?? 2);
  const states = US_STATES.slice(0, options.states ?? 50);
  const zips = pickZips(lookupState, options.zipOverrides ?? 100);

  const ruleSet: RuleSet = {
    settings: {
      brand,
      displayName: `Generated brand ${brand}`,
      defaultLanguage: languages[0] ?? 'en',
      languageFallback: true,
      products: Object.fromEntries(products.map((product) => [product, { languages }])),
      allowedHosts: [`forms.${brand}.example`],
      forwardedParameters: ['utm_*'],
      fallbackUrl: `https://forms.${brand}.example/unavailable`,
      fallbackForm: 'fallback',
    },
    forms: generateForms(brand),
    rules: [...stateRules(products, languages, states), ...zipRules(products, zips)],
    expectations: [],
  };

  return options.publishable === true ? makePublishable(ruleSet, states, lookupState) : ruleSet;
}

/** Returns the first `count` ZIPs of a fixed sequence (start 10001, step 397, modulo 100000) that `lookupState` maps to a state. */
export function pickZips(lookupState: LookupState, count: number): string[] {
  const zips: string[] = [];
  for (let step = 0; zips.length < count && step < 100_000; step += 1) {
    const zip = String((10_001 + step * 397) % 100_000).padStart(5, '0');
    if (lookupState(zip) !== null && !zips.includes(zip)) zips.push(zip);
  }

  return zips;
}

function generateForms(brand: string): Record<string, FormDefinition> {
  const url = (path: string) => `https://forms.${brand}.example/${path}?zip={zip}&product={product}&lang={lang}`;

  return {
    online: { url: url('online'), type: 'online' },
    agent: { url: url('agent'), type: 'agent' },
    callback: { url: url('callback'), type: 'callback' },
    fallback: { url: url('quote'), type: 'fallback' },
  };
}

function stateRules(products: string[], languages: string[], states: readonly string[]): RuleDefinition[] {
  return products.flatMap((product, productIndex) =>
    languages.flatMap((language, languageIndex) =>
      states.map((state, stateIndex) =>
        routeRule(`state-${product}-${language}-${state.toLowerCase()}`, STATE_RULE_PRIORITY, FORM_IDS[(productIndex + languageIndex + stateIndex) % 3], [
          { fact: 'product', operator: 'equal', value: product },
          { fact: 'language', operator: 'in', value: [language] },
          { fact: 'state', operator: 'equal', value: state },
        ]),
      ),
    ),
  );
}

function zipRules(products: string[], zips: string[]): RuleDefinition[] {
  return zips.flatMap((zip, zipIndex) =>
    products.map((product, productIndex) =>
      routeRule(`zip-${zip}-${product}`, ZIP_RULE_PRIORITY, FORM_IDS[(zipIndex + productIndex) % 3], [
        { fact: 'product', operator: 'equal', value: product },
        { fact: 'zip', operator: 'equal', value: zip },
      ]),
    ),
  );
}

function routeRule(name: string, priority: number, form: string | undefined, all: Leaf[]): RuleDefinition {
  return { name, priority, conditions: { all }, event: { type: 'route', params: { form: form ?? 'online' } } };
}

/** Adds the not-served rules for the state codes without state rules, then one expectation per rule. */
function makePublishable(ruleSet: RuleSet, states: readonly string[], lookupState: LookupState): RuleSet {
  const uncovered = US_STATES.filter((state) => !states.includes(state));
  const products = Object.keys(ruleSet.settings.products);
  const notServed = uncovered.length === 0 ? [] : products.map((product) => notServedRule(product, uncovered));
  const rules = [...ruleSet.rules, ...notServed];
  const forms: Record<string, FormDefinition> =
    notServed.length === 0 ? ruleSet.forms : { ...ruleSet.forms, 'not-served': { url: `https://forms.${ruleSet.settings.brand}.example/not-served`, type: 'not-served' } };

  const zipInState = firstZipPerState(lookupState, new Set(rules.flatMap((rule) => factValues(rule, 'zip'))));
  const expectations = rules.flatMap((rule) => expectationOf(rule, ruleSet.settings.defaultLanguage, zipInState, lookupState) ?? []);

  return { ...ruleSet, forms, rules, expectations };
}

function notServedRule(product: string, states: string[]): RuleDefinition {
  return routeRule(`not-served-${product}`, NOT_SERVED_RULE_PRIORITY, 'not-served', [
    { fact: 'product', operator: 'equal', value: product },
    { fact: 'state', operator: 'in', value: states },
  ]);
}

/**
 * Builds the case that the rule decides: its product, its ZIP or a ZIP of its first state that no
 * rule names, and its language or the default. Returns `undefined` when no such ZIP exists.
 */
function expectationOf(rule: RuleDefinition, defaultLanguage: string, zipInState: Map<string, string>, lookupState: LookupState): ExpectationCase | undefined {
  const [product = ''] = factValues(rule, 'product');
  const [language = defaultLanguage] = factValues(rule, 'language');
  const [state = ''] = factValues(rule, 'state');
  const [zip = zipInState.get(state)] = factValues(rule, 'zip');
  const zipState = zip === undefined ? undefined : lookupState(zip)?.state;
  if (zip === undefined || zipState === undefined) {
    return undefined;
  }

  return {
    description: `rule ${rule.name}`,
    input: { product, zip, lang: language },
    expect: { form: rule.event.params.form, rule: rule.name, language, state: zipState },
  };
}

/** Returns the values that the rule's `all` conditions compare `fact` with. */
function factValues(rule: RuleDefinition, fact: string): string[] {
  const leaves = (rule.conditions as { all: Leaf[] }).all;

  return leaves.filter((leaf) => leaf.fact === fact).flatMap((leaf) => leaf.value);
}

/** Maps each state to the lowest ZIP that `lookupState` places in it and that is not in `excluded`. */
function firstZipPerState(lookupState: LookupState, excluded: ReadonlySet<string>): Map<string, string> {
  const zips = new Map<string, string>();
  for (let value = 0; value < 100_000 && zips.size < US_STATES.length; value += 1) {
    const zip = String(value).padStart(5, '0');
    const state = excluded.has(zip) ? undefined : lookupState(zip)?.state;
    if (state !== undefined && !zips.has(state)) zips.set(state, zip);
  }

  return zips;
}
