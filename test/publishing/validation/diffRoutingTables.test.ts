import { diffRoutingTables } from '../../../functions/publishing/validation/diffRoutingTables';
import { compileRoutingTable } from '../../../functions/ruleset/compileRoutingTable';
import type { RoutingTable } from '../../../functions/ruleset/routingTable';
import type { RuleSet } from '../../../functions/ruleset/ruleSet';
import { lookupState } from '../../../functions/routing/zip/lookupState';
import { derive, rule, validRuleSet } from './validRuleSet';

function compile(ruleSet: RuleSet, version: number): RoutingTable {
  return compileRoutingTable(ruleSet, version, lookupState);
}

describe('diffRoutingTables', () => {
  const before = compile(validRuleSet(), 1);

  it('reports nothing for equal tables', () => {
    const diff = diffRoutingTables(before, compile(validRuleSet(), 2), lookupState);

    expect(diff.changes).toEqual([]);
    expect(diff.formChanges).toEqual([]);
    expect(diff.summary.changedInputs).toBe(0);
    expect(diff.summary.changedSettings).toEqual([]);
    expect(diff.fromVersion).toBe(1);
    expect(diff.toVersion).toBe(2);
  });

  it('lists the states a changed rule moves', () => {
    const after = compile(
      derive((ruleSet) => ((ruleSet.rules[2]!.conditions as { all: { value: unknown }[] }).all[1]!.value = ['MI', 'OH'])),
      2,
    );
    const diff = diffRoutingTables(before, after, lookupState);

    const toAgent = { before: { form: 'auto-online', rule: 'auto-default' }, after: { form: 'auto-agent', rule: 'auto-agent-states' } };
    const toOnline = { before: toAgent.after, after: toAgent.before };
    expect(diff.changes).toEqual([
      { product: 'auto', language: 'en', state: 'NJ', ...toOnline },
      { product: 'auto', language: 'en', state: 'OH', ...toAgent },
      { product: 'auto', language: 'es', state: 'NJ', ...toOnline },
      { product: 'auto', language: 'es', state: 'OH', ...toAgent },
    ]);
    expect(diff.summary.changedInputs).toBe(4);
    expect(diff.summary.changedByProduct).toEqual({ auto: 4 });
  });

  it('lists a named ZIP that changes', () => {
    const after = compile(
      derive((ruleSet) =>
        ruleSet.rules.push(rule('auto-chelsea-agent', 20, 'auto-agent', { all: [{ fact: 'product', operator: 'equal', value: 'auto' }, { fact: 'zip', operator: 'equal', value: '10002' }] })),
      ),
      2,
    );
    const diff = diffRoutingTables(before, after, lookupState);

    expect(diff.namedZips).toEqual(['10001', '10002']);
    expect(diff.changes.map((change) => `${change.product}/${change.language}/${change.zip}`)).toEqual(['auto/en/10002', 'auto/es/10002']);
    expect(diff.changes[0]).toMatchObject({ state: 'NY', before: { form: 'auto-online' }, after: { form: 'auto-agent', rule: 'auto-chelsea-agent' } });
  });

  it('counts a rule-only change apart from moves', () => {
    const after = compile(derive((ruleSet) => (ruleSet.rules[0]!.name = 'auto-everywhere')), 2);
    const diff = diffRoutingTables(before, after, lookupState);

    expect(diff.summary.changedInputs).toBe(0);
    expect(diff.summary.ruleOnlyChanges).toBe(diff.changes.length);
    expect(diff.changes[0]?.after).toEqual({ form: 'auto-online', rule: 'auto-everywhere' });
  });

  it('reports added and removed products and languages', () => {
    const after = compile(
      derive((ruleSet) => {
        ruleSet.settings.products = { auto: { languages: ['en'] }, renters: { languages: ['en'] } };
        ruleSet.rules = ruleSet.rules.filter((candidate) => !candidate.name.startsWith('home'));
        ruleSet.rules.push(rule('renters-default', 1, 'home-online', { all: [{ fact: 'product', operator: 'equal', value: 'renters' }] }));
      }),
      2,
    );
    const { summary, changes } = diffRoutingTables(before, after, lookupState);

    expect(summary.addedProducts).toEqual(['renters']);
    expect(summary.removedProducts).toEqual(['home']);
    expect(summary.addedLanguages).toEqual([{ product: 'renters', language: 'en' }]);
    expect(summary.removedLanguages).toEqual([
      { product: 'auto', language: 'es' },
      { product: 'home', language: 'en' },
    ]);
    expect(summary.changedSettings).toEqual(['products']);
    expect(changes.find((change) => change.product === 'auto' && change.language === 'es')?.after).toBeNull();
    expect(changes.find((change) => change.product === 'renters')?.before).toBeNull();
  });

  it('reports changed form definitions', () => {
    const after = compile(derive((ruleSet) => (ruleSet.forms['auto-online']!.url = 'https://quote.demo.example/{lang}/auto/v2?zip={zip}')), 2);
    const diff = diffRoutingTables(before, after, lookupState);

    expect(diff.changes).toEqual([]);
    expect(diff.summary.changedForms).toEqual(['auto-online']);
    expect(diff.formChanges[0]?.after?.url).toContain('/auto/v2');
  });

  it('treats every input as new without an old table', () => {
    const diff = diffRoutingTables(null, before, lookupState);

    expect(diff.fromVersion).toBeNull();
    expect(diff.changes.every((change) => change.before === null)).toBe(true);
    expect(diff.summary.changedInputs).toBe(diff.changes.length);
    expect(diff.summary.addedProducts).toEqual(['auto', 'home']);
    expect(diff.summary.addedForms).toHaveLength(Object.keys(before.forms).length);
  });
});
