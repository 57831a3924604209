import type { RuleSet } from '../../../functions/ruleset/ruleSet';

/**
 * Builds a small rule set that passes every check: auto (en, es) and home (en) are routed in every
 * state, with agent states for auto, two states where home is not offered and one New York ZIP
 * with a call-back form.
 */
export function validRuleSet(): RuleSet {
  return {
    settings: {
      brand: 'demo',
      displayName: 'Demo Insurance',
      defaultLanguage: 'en',
      languageFallback: true,
      products: { auto: { languages: ['en', 'es'] }, home: { languages: ['en'] } },
      allowedHosts: ['quote.demo.example', 'agents.demo.example'],
      forwardedParameters: ['utm_*', 'gclid'],
      fallbackUrl: 'https://quote.demo.example/start',
      fallbackForm: 'quote-start',
    },
    forms: {
      'auto-online': { url: 'https://quote.demo.example/{lang}/auto?zip={zip}', type: 'online' },
      'auto-agent': { url: 'https://agents.demo.example/{lang}/auto?zip={zip}&state={state}', type: 'agent' },
      'home-online': { url: 'https://quote.demo.example/{lang}/home?zip={zip}', type: 'online' },
      'home-callback': { url: 'https://agents.demo.example/{lang}/call-me?product={product}', type: 'callback' },
      'not-served': { url: 'https://quote.demo.example/{lang}/not-available?product={product}&state={state}', type: 'not-served' },
      'quote-start': { url: 'https://quote.demo.example/{lang}/start', type: 'fallback' },
    },
    rules: [
      rule('auto-default', 1, 'auto-online', { all: [{ fact: 'product', operator: 'equal', value: 'auto' }] }),
      rule('home-default', 1, 'home-online', { all: [{ fact: 'product', operator: 'equal', value: 'home' }] }),
      rule('auto-agent-states', 10, 'auto-agent', {
        all: [
          { fact: 'product', operator: 'equal', value: 'auto' },
          { fact: 'state', operator: 'in', value: ['MI', 'NJ'] },
        ],
      }),
      rule('home-not-offered', 10, 'not-served', {
        all: [
          { fact: 'product', operator: 'equal', value: 'home' },
          { fact: 'state', operator: 'in', value: ['FL', 'LA'] },
        ],
      }),
      rule('home-chelsea-callback', 20, 'home-callback', {
        all: [
          { fact: 'product', operator: 'equal', value: 'home' },
          { fact: 'zip', operator: 'in', value: ['10001'] },
        ],
      }),
    ],
    expectations: [
      { description: 'Auto in Georgia is online.', input: { product: 'auto', zip: '30303', lang: 'en' }, expect: { form: 'auto-online', rule: 'auto-default', state: 'GA', language: 'en' } },
      { description: 'Auto in Michigan goes to an agent.', input: { product: 'auto', zip: '48201', lang: 'es' }, expect: { form: 'auto-agent', rule: 'auto-agent-states', language: 'es' } },
      { description: 'Home in Florida is not offered.', input: { product: 'home', zip: '33139' }, expect: { form: 'not-served', rule: 'home-not-offered', state: 'FL' } },
      { description: 'Home in Spanish falls back to English.', input: { product: 'home', zip: '10001', lang: 'es' }, expect: { form: 'home-callback', language: 'en', state: 'NY' } },
    ],
  };
}

/** Builds a rule routing to `form` when `conditions` hold. */
export function rule(name: string, priority: number, form: string, conditions: RuleSet['rules'][number]['conditions']): RuleSet['rules'][number] {
  return { name, priority, conditions, event: { type: 'route', params: { form } } };
}

/** Returns a changed copy of the valid rule set. */
export function derive(change: (ruleSet: RuleSet) => void): RuleSet {
  const ruleSet = validRuleSet();
  change(ruleSet);

  return ruleSet;
}
