import { US_STATES } from '../../functions/shared/usStates';
import type { LookupState } from '../../functions/ruleset/ruleDomain';
import type { FormDefinition, RuleDefinition, RuleSet } from '../../functions/ruleset/ruleSet';

/** Sizes of a generated rule set. The defaults give 10 × 2 × 50 state rules plus 100 × 10 ZIP rules: 2,000 rules. */
export interface LargeRuleSetOptions {
  brand?: string;
  products?: number;
  /** At most 4: en, es, fr, zh. */
  languages?: number;
  /** Taken from the start of `US_STATES`, so at most 50 leaves DC, the territories and the military codes to the fallback form. */
  states?: number;
  /** Named ZIPs; each gets one rule per product. */
  zipOverrides?: number;
}

const LANGUAGES = ['en', 'es', 'fr', 'zh'];
const FORM_IDS = ['online', 'agent', 'callback'] as const;
export const STATE_RULE_PRIORITY = 10;
export const ZIP_RULE_PRIORITY = 20;

/**
 * Generates a synthetic brand of predictable shape for compile tests and benchmarks. The rule for
 * product × language × state is named `state-<product>-<language>-<state>`. The rule for a ZIP and
 * a product is named `zip-<zip>-<product>` and outranks the state rules. Named ZIPs are the first
 * ones of a fixed sequence that `lookupState` maps to a state, so they are valid for any ZIP table.
 */
export function generateLargeRuleSet(lookupState: LookupState, options: LargeRuleSetOptions = {}): RuleSet {
  const brand = options.brand ?? 'large';
  const products = Array.from({ length: options.products ?? 10 }, (_, index) => `product${String(index + 1).padStart(2, '0')}`);
  const languages = LANGUAGES.slice(0, options.languages ?? 2);
  const states = US_STATES.slice(0, options.states ?? 50);
  const zips = pickZips(lookupState, options.zipOverrides ?? 100);

  return {
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
        routeRule(`state-${product}-${language}-${state}`, STATE_RULE_PRIORITY, FORM_IDS[(productIndex + languageIndex + stateIndex) % 3], [
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

function routeRule(
  name: string,
  priority: number,
  form: string | undefined,
  all: { fact: string; operator: string; value: string | string[] }[],
): RuleDefinition {
  return { name, priority, conditions: { all }, event: { type: 'route', params: { form: form ?? 'online' } } };
}
