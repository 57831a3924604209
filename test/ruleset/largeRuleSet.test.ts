import { compileRoutingTable } from '../../functions/ruleset/compileRoutingTable';
import { namedZips } from '../../functions/ruleset/ruleDomain';
import { lookupDecision } from '../../functions/ruleset/routingTable';
import type { RoutingTable } from '../../functions/ruleset/routingTable';
import { US_STATES } from '../../functions/shared/usStates';
import { createEngineOracle } from '../support/engineOracle';
import { fakeLookupState } from '../support/fakeLookupState';
import { generateLargeRuleSet } from '../../scripts/large-rule-set/generateLargeRuleSet';

describe('compileRoutingTable on a generated brand', () => {
  const ruleSet = generateLargeRuleSet(fakeLookupState);
  const [firstZip = '', , thirdZip = ''] = namedZips(ruleSet);
  let table: RoutingTable;

  beforeAll(() => {
    table = compileRoutingTable(ruleSet, 3, fakeLookupState);
  });

  it('generates 2,000 rules and 100 named ZIPs', () => {
    expect(ruleSet.rules).toHaveLength(2000);
    expect(namedZips(ruleSet)).toHaveLength(100);
  });

  it('sizes both maps of the table', () => {
    // 10 products × 2 languages × 62 state codes, and every named ZIP for every pair.
    expect(table.byState.size).toBe(10 * 2 * US_STATES.length);
    expect(table.byZip.size).toBe(100 * 10 * 2);
  });

  it.each([
    ['product01', 'en', 'AL', '35004', 'state-product01-en-al'],
    ['product10', 'es', 'WY', '82001', 'state-product10-es-wy'],
    ['product05', 'en', 'PR', '00901', null],
  ])('routes %s %s in %s by state', (product, language, state, zip, ruleId) => {
    expect(lookupDecision(table, product, language, state, zip)?.ruleId).toBe(ruleId);
  });

  it('routes a named ZIP by its ZIP rule', () => {
    const state = fakeLookupState(thirdZip)?.state ?? '';

    expect(lookupDecision(table, 'product07', 'es', state, thirdZip)?.ruleId).toBe(`zip-${thirdZip}-product07`);
  });

  it('gives the engine answer for a few inputs', async () => {
    const oracle = createEngineOracle(ruleSet);
    const inputs = [
      { product: 'product02', language: 'es', state: 'TX', zip: '73301' },
      { product: 'product09', language: 'en', state: 'GU', zip: '96910' },
      { product: 'product04', language: 'en', state: fakeLookupState(firstZip)?.state ?? '', zip: firstZip },
    ];

    for (const facts of inputs) {
      const decision = lookupDecision(table, facts.product, facts.language, facts.state, facts.zip);
      const answer = await oracle.answer(facts);

      expect({ facts, formId: decision?.formId }).toEqual({ facts, formId: answer.formId });
      expect(answer.topRuleIds).toEqual(decision?.ruleId === null ? [] : [decision?.ruleId]);
    }
  });
});
