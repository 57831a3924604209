import { RULES_DIR, loadAllRuleSets } from '../../functions/ruleset/loadRuleSet';
import { resolveLanguage } from '../../functions/ruleset/resolveLanguage';
import { enumerateDomain, namedZips } from '../../functions/ruleset/ruleDomain';
import type { RuleFacts, RuleSet } from '../../functions/ruleset/ruleSet';
import { lookupState } from '../../functions/routing/zip/lookupState';
import { createEngineOracle } from '../support/engineOracle';
import type { EngineOracle } from '../support/engineOracle';

/** Collects the fact comparisons of a condition tree, at any depth. */
function leavesOf(node: unknown): { fact: string; value: string | string[] }[] {
  if (Array.isArray(node)) return node.flatMap(leavesOf);
  if (typeof node !== 'object' || node === null) return [];
  if ('fact' in node) return [node as { fact: string; value: string | string[] }];

  return Object.values(node).flatMap(leavesOf);
}

function stateValues(ruleSet: RuleSet): Set<string> {
  const leaves = ruleSet.rules.flatMap((rule) => leavesOf(rule.conditions)).filter((leaf) => leaf.fact === 'state');

  return new Set(leaves.flatMap((leaf) => leaf.value));
}

function formTypesRoutedTo(ruleSet: RuleSet): Set<string | undefined> {
  return new Set(ruleSet.rules.map((rule) => ruleSet.forms[rule.event.params.form]?.type));
}

/** Looks up a ZIP in Form Router's ZIP table. Returns `undefined` unless the table lists the ZIP itself, not just its prefix. */
function stateOfZip(zip: string): string | undefined {
  const found = lookupState(zip);

  return found === null || found.inferred ? undefined : found.state;
}

/** Resolves the language a request is evaluated in, after fallback. */
function languageOf(ruleSet: RuleSet, product: string, requested: string | undefined): string | undefined {
  const resolution = resolveLanguage(ruleSet.settings, product, requested);

  return 'language' in resolution ? resolution.language : undefined;
}

/** Runs the engine on one input and describes its decision as `<form> by <rule>`. */
async function decisionOf(oracle: EngineOracle, facts: RuleFacts): Promise<string> {
  try {
    const { formId, topRuleIds } = await oracle.answer(facts);

    return `${formId} by ${topRuleIds.join(' and ') || 'no rule'}`;
  } catch (error) {
    return `no winner: ${(error as Error).message}`;
  }
}

const samples = loadAllRuleSets(RULES_DIR).map((ruleSet) => [ruleSet.settings.brand, ruleSet] as const);

describe('sample rule sets', () => {
  it('include three brands', () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(samples)('%s', (_brand, ruleSet) => {
    const { settings } = ruleSet;
    const products = Object.entries(settings.products);

    it('offers at least three products', () => {
      expect(products.length).toBeGreaterThanOrEqual(3);
    });

    it('offers English and Spanish', () => {
      expect(settings.defaultLanguage).toBe('en');
      expect(products.some(([, product]) => product.languages.includes('es'))).toBe(true);
    });

    it('has a product offered only in English, reached by language fallback', () => {
      expect(products.some(([, product]) => product.languages.join() === 'en')).toBe(true);
      expect(settings.languageFallback).toBe(true);
    });

    it('routes to an agent form and a not-served form', () => {
      expect(formTypesRoutedTo(ruleSet)).toContain('agent');
      expect(formTypesRoutedTo(ruleSet)).toContain('not-served');
    });

    it('overrides named ZIPs', () => {
      expect(namedZips(ruleSet).length).toBeGreaterThan(0);
    });

    it.each(['PR', 'AA', 'AE', 'AP'])('names %s in a rule', (state) => {
      expect(stateValues(ruleSet)).toContain(state);
    });

    it('forwards marketing parameters', () => {
      expect(settings.forwardedParameters).toEqual(expect.arrayContaining(['utm_*', 'gclid']));
    });

    it('names a rule in an expectation for every rule', () => {
      const expected = new Set(ruleSet.expectations.map((testCase) => testCase.expect.rule));

      expect(ruleSet.rules.map((rule) => rule.name).filter((name) => !expected.has(name))).toEqual([]);
    });

    it('names only forms that exist', () => {
      const named = [settings.fallbackForm, ...ruleSet.rules.map((rule) => rule.event.params.form)];

      expect(named.filter((form) => ruleSet.forms[form] === undefined)).toEqual([]);
    });

    it('points forms at its own .example hosts', () => {
      const urls = [settings.fallbackUrl, ...Object.values(ruleSet.forms).map((form) => form.url)];
      const hosts = urls.map((url) => new URL(url.replace(/\{\w+\}/g, 'x')).hostname);

      expect(hosts.filter((host) => !settings.allowedHosts.includes(host))).toEqual([]);
      expect(settings.allowedHosts.filter((host) => !host.endsWith('.example'))).toEqual([]);
    });

    it('uses real ZIPs in rules and expectations', () => {
      const zips = [...namedZips(ruleSet), ...ruleSet.expectations.map((testCase) => testCase.input.zip)];

      expect(zips.filter((zip) => stateOfZip(zip) === undefined)).toEqual([]);
    });

    it.each(ruleSet.expectations.map((testCase) => [testCase.description ?? JSON.stringify(testCase.input), testCase] as const))(
      'expects the right state and language: %s',
      (_description, testCase) => {
        expect(stateOfZip(testCase.input.zip)).toBe(testCase.expect.state);
        expect(languageOf(ruleSet, testCase.input.product, testCase.input.lang)).toBe(testCase.expect.language);
      },
    );

    it('has expectations that json-rules-engine confirms', async () => {
      const oracle = createEngineOracle(ruleSet);
      const failures: string[] = [];

      for (const { input, expect: expected } of ruleSet.expectations) {
        const facts = { product: input.product, zip: input.zip, state: stateOfZip(input.zip) ?? '', language: languageOf(ruleSet, input.product, input.lang) ?? '' };
        const decision = await decisionOf(oracle, facts);
        if (decision !== `${expected.form} by ${expected.rule}`) failures.push(`${JSON.stringify(facts)}: ${decision}`);
      }

      expect(failures).toEqual([]);
    });

    it('routes every input of its domain by exactly one rule', async () => {
      const oracle = createEngineOracle(ruleSet);
      const unclear: string[] = [];

      for (const facts of enumerateDomain(ruleSet, lookupState)) {
        const decision = await decisionOf(oracle, facts);
        if (/^no winner|by no rule$| and /.test(decision)) unclear.push(`${JSON.stringify(facts)}: ${decision}`);
      }

      expect(unclear).toEqual([]);
    });
  });
});
