import fc from 'fast-check';
import { compileRoutingTable } from '../../functions/ruleset/compileRoutingTable';
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

const fixtureRuleSets: [string, RuleSet][] = [
  ['coastal', coastalRuleSet],
  ['edge', edgeRuleSet],
];

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

function stateOf(lookupState: LookupState, zip: string): string {
  const found = lookupState(zip);
  if (found === null) throw new Error(`ZIP ${zip} has no state`);

  return found.state;
}

describe.each(fixtureRuleSets)('routing table of %s', (_brand, ruleSet) => {
  let table: RoutingTable;
  let oracle: EngineOracle;

  beforeAll(() => {
    table = compileRoutingTable(ruleSet, 1, fakeLookupState);
    oracle = createEngineOracle(ruleSet);
  });

  it('gives the engine answer for every input of the domain', async () => {
    const domain = enumerateDomain(ruleSet, fakeLookupState);

    for (const facts of domain) await expectEngineAnswer(table, oracle, facts);

    expect(domain.length).toBeGreaterThan(0);
  });

  it('gives the engine answer for random ZIPs', async () => {
    const zips = fc.oneof(
      fc.stringMatching(/^\d{5}$/),
      ...(namedZips(ruleSet).length > 0 ? [fc.constantFrom(...namedZips(ruleSet))] : []),
    );
    const knownZips = zips.filter((zip) => fakeLookupState(zip) !== null);
    const pairs = fc.constantFrom(...productLanguages(ruleSet));

    await fc.assert(
      fc.asyncProperty(knownZips, pairs, async (zip, [product, language]) => {
        await expectEngineAnswer(table, oracle, { product, language, state: stateOf(fakeLookupState, zip), zip });
      }),
      { numRuns: 300 },
    );
  });
});
