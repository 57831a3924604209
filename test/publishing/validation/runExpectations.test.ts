import { runExpectations } from '../../../functions/publishing/validation/runExpectations';
import { compileRoutingTable } from '../../../functions/ruleset/compileRoutingTable';
import { loadAllRuleSets } from '../../../functions/ruleset/loadRuleSet';
import type { ExpectationCase, RuleSet } from '../../../functions/ruleset/ruleSet';
import { lookupState } from '../../../functions/routing/zip/lookupState';
import { derive, validRuleSet } from './validRuleSet';

function run(ruleSet: RuleSet, expectations: ExpectationCase[] = ruleSet.expectations) {
  const withCases = { ...ruleSet, expectations };
  const table = compileRoutingTable(withCases, 1, lookupState);

  return runExpectations(withCases, table, lookupState);
}

describe('runExpectations', () => {
  it.each(loadAllRuleSets().map((ruleSet) => [ruleSet.settings.brand, ruleSet] as const))('passes every case of sample brand %s', (_brand, ruleSet) => {
    const results = run(ruleSet);

    expect(results.failed).toEqual([]);
    expect(results.passed).toBe(ruleSet.expectations.length);
    expect(results.total).toBeGreaterThan(0);
  });

  it('passes the valid fixture', () => {
    const results = run(validRuleSet());

    expect(results).toEqual({ total: 4, passed: 4, failed: [] });
  });

  it('lists input, expected and actual of a failure', () => {
    const ruleSet = derive((draft) => {
      const agentStates = draft.rules.find((rule) => rule.name === 'auto-agent-states');
      (agentStates?.conditions as { all: { value: unknown }[] }).all[1]!.value = ['NJ'];
    });
    const results = run(ruleSet, [ruleSet.expectations[1]!]);

    expect(results.passed).toBe(0);
    expect(results.failed).toEqual([
      {
        case: 'Auto in Michigan goes to an agent.',
        index: 0,
        input: { product: 'auto', zip: '48201', lang: 'es' },
        expectedForm: 'auto-agent',
        actualForm: 'auto-online',
        expectedRule: 'auto-agent-states',
        actualRule: 'auto-default',
        expectedState: undefined,
        state: 'MI',
        expectedLanguage: 'es',
        language: 'es',
        mismatches: ['form: expected "auto-agent", got "auto-online"', 'rule: expected "auto-agent-states", got "auto-default"'],
      },
    ]);
  });

  it.each([
    ['a region subtag', 'es-US', 'es'],
    ['an unoffered language', 'fr', 'en'],
    ['an omitted language', undefined, 'en'],
  ])('resolves %s like the hot path', (_case, lang, language) => {
    const results = run(validRuleSet(), [{ input: { product: 'auto', zip: '30303', lang }, expect: { form: 'auto-online', language } }]);

    expect(results.failed).toEqual([]);
  });

  it('normalises a ZIP+4 before the lookup', () => {
    const results = run(validRuleSet(), [{ input: { product: 'home', zip: '10001-1234' }, expect: { form: 'home-callback', rule: 'home-chelsea-callback', state: 'NY' } }]);

    expect(results.failed).toEqual([]);
  });

  it('expects the fallback with a null rule', () => {
    const ruleSet = derive((draft) => draft.rules.splice(1, 1));
    const results = run(ruleSet, [{ input: { product: 'home', zip: '30303' }, expect: { form: 'quote-start', rule: null } }]);

    expect(results.failed).toEqual([]);
  });

  it.each([
    ['an invalid ZIP', { product: 'auto', zip: '3030' }, 'zip: '],
    ['an unknown ZIP', { product: 'auto', zip: '00000' }, 'zip: ZIP code 00000 is not assigned'],
    ['an unknown product', { product: 'boat', zip: '30303' }, 'product: "boat" is not offered'],
  ])('fails a case with %s', (_case, input, mismatch) => {
    const results = run(validRuleSet(), [{ input, expect: { form: 'auto-online' } }]);

    expect(results.failed).toHaveLength(1);
    expect(results.failed[0]?.actualForm).toBeNull();
    expect(results.failed[0]?.mismatches[0]).toContain(mismatch);
  });

  it('fails an unsupported language without fallback', () => {
    const ruleSet = derive((draft) => (draft.settings.languageFallback = false));
    const results = run(ruleSet, [{ description: 'French auto', input: { product: 'auto', zip: '30303', lang: 'fr' }, expect: { form: 'auto-online' } }]);

    expect(results.failed[0]?.case).toBe('French auto');
    expect(results.failed[0]?.state).toBe('GA');
    expect(results.failed[0]?.language).toBeNull();
    expect(results.failed[0]?.mismatches[0]).toContain('lang: "fr" is not supported');
  });

  it('names an undescribed case by its number', () => {
    const results = run(validRuleSet(), [{ input: { product: 'auto', zip: '30303' }, expect: { form: 'auto-online', state: 'AL' } }]);

    expect(results.failed[0]?.case).toBe('case 1');
    expect(results.failed[0]?.mismatches).toEqual(['state: expected "AL", got "GA"']);
  });
});
