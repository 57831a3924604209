import fc from 'fast-check';
import { lookupState } from '../../functions/routing/zip/lookupState';
import { compileRoutingTable } from '../../functions/ruleset/compileRoutingTable';
import { loadAllRuleSets } from '../../functions/ruleset/loadRuleSet';
import { enumerateDomain, namedZips, productLanguages } from '../../functions/ruleset/ruleDomain';
import type { LookupState } from '../../functions/ruleset/ruleDomain';
import { lookupDecision } from '../../functions/ruleset/routingTable';
import type { RoutingTable } from '../../functions/ruleset/routingTable';
import type { RuleFacts, RuleSet } from '../../functions/ruleset/ruleSet';
import { createEngineOracle } from '../support/engineOracle';
import type { EngineOracle } from '../support/engineOracle';
import { fakeLookupState } from '../support/fakeLookupState';
import { coastalRuleSet } from './fixtures/coastalRuleSet';
import { edgeRuleSet } from './fixtures/edgeRuleSet';

/** Compares the table's decision with the engine's: the form always, the rule whenever the engine has a single winner. */
async function expectEngineAnswer(table: RoutingTable, oracle: EngineOracle, facts: RuleFacts): Promise<void> {
  const decision = lookupDecision(table, facts.product, facts.language, facts.state, facts.zip);
  const answer = await oracle.answer(facts);

  expect({ facts, formId: decision?.formId }).toEqual({ facts, formId: answer.formId });
  if (answer.topRuleIds.length <= 1) {
    expect({ facts, ruleId: decision?.ruleId }).toEqual({ facts, ruleId: answer.topRuleIds[0] ?? null });
  } else {
    expect(answer.topRuleIds).toContain(decision?.ruleId);
  }
}

/** Tests that the compiled table of each rule set gives the engine's decision for its whole domain and for random ZIPs. */
function describeEquivalence(title: string, ruleSets: RuleSet[], zipLookup: LookupState): void {
  const byBrand = ruleSets.map((ruleSet): [string, RuleSet] => [ruleSet.settings.brand, ruleSet]);

  describe.each(byBrand)(`${title} %s`, (_brand, ruleSet) => {
    let table: RoutingTable;
    let oracle: EngineOracle;

    beforeAll(() => {
      table = compileRoutingTable(ruleSet, 1, zipLookup);
      oracle = createEngineOracle(ruleSet);
    });

    it('gives the engine answer for every input of the domain', async () => {
      const domain = enumerateDomain(ruleSet, zipLookup);

      for (const facts of domain) await expectEngineAnswer(table, oracle, facts);

      expect(domain.length).toBeGreaterThan(0);
    });

    it('gives the engine answer for random ZIPs', async () => {
      const named = namedZips(ruleSet);
      const zips = fc.oneof(fc.stringMatching(/^\d{5}$/), ...(named.length > 0 ? [fc.constantFrom(...named)] : []));
      const zipsWithState = zips.map((zip) => ({ zip, found: zipLookup(zip) })).filter(({ found }) => found !== null);
      const pairs = fc.constantFrom(...productLanguages(ruleSet));

      await fc.assert(
        fc.asyncProperty(zipsWithState, pairs, async ({ zip, found }, [product, language]) => {
          await expectEngineAnswer(table, oracle, { product, language, state: found?.state ?? '', zip });
        }),
        { numRuns: 300 },
      );
    });
  });
}

describe('routing table equivalence', () => {
  const sampleRuleSets = loadAllRuleSets();

  it('finds the sample brands', () => {
    expect(sampleRuleSets.length).toBeGreaterThan(0);
  });

  describeEquivalence('fixture brand', [coastalRuleSet, edgeRuleSet], fakeLookupState);
  describeEquivalence('sample brand', sampleRuleSets, lookupState);
});
