import { diffRoutingTables } from '../../../functions/publishing/validation/diffRoutingTables';
import { estimateImpact } from '../../../functions/publishing/validation/estimateImpact';
import type { LoggedRedirect } from '../../../functions/publishing/validation/estimateImpact';
import { compileRoutingTable } from '../../../functions/ruleset/compileRoutingTable';
import { lookupState } from '../../../functions/routing/zip/lookupState';
import { derive, rule, validRuleSet } from './validRuleSet';

function logged(product: string, state: string, zip: string, form: string, language = 'en'): LoggedRedirect {
  return { product, language, state, zip, form };
}

describe('estimateImpact', () => {
  const before = compileRoutingTable(validRuleSet(), 1, lookupState);
  const after = compileRoutingTable(
    derive((ruleSet) => {
      (ruleSet.rules[2]!.conditions as { all: { value: unknown }[] }).all[1]!.value = ['MI', 'OH'];
      ruleSet.rules.push(rule('auto-chelsea-agent', 20, 'auto-agent', { all: [{ fact: 'product', operator: 'equal', value: 'auto' }, { fact: 'zip', operator: 'equal', value: '10002' }] }));
      ruleSet.forms['home-online']!.url = 'https://quote.demo.example/{lang}/home/v2?zip={zip}';
    }),
    2,
    lookupState,
  );
  const diff = diffRoutingTables(before, after, lookupState);

  it('counts redirects whose form changes', () => {
    const logs = [
      logged('auto', 'OH', '43215', 'auto-online'),
      logged('auto', 'OH', '44114', 'auto-online', 'es'),
      logged('auto', 'NJ', '07030', 'auto-agent'),
      logged('auto', 'GA', '30303', 'auto-online'),
      logged('auto', 'NY', '10002', 'auto-online'),
    ];
    const impact = estimateImpact(diff, logs);

    expect(impact.total).toBe(5);
    expect(impact.considered).toBe(5);
    expect(impact.moved).toBe(4);
    expect(impact.byChange).toEqual([
      { product: 'auto', language: 'en', state: 'NJ', to: 'auto-online', redirects: 1 },
      { product: 'auto', language: 'en', state: 'OH', to: 'auto-agent', redirects: 1 },
      { product: 'auto', language: 'es', state: 'OH', to: 'auto-agent', redirects: 1 },
      { product: 'auto', language: 'en', state: 'NY', zip: '10002', to: 'auto-agent', redirects: 1 },
    ]);
  });

  it('keeps other ZIPs of a named ZIP state unchanged', () => {
    const impact = estimateImpact(diff, [logged('auto', 'NY', '10003', 'auto-online')]);

    expect(impact.moved).toBe(0);
  });

  it('counts a redirect that already got the new form as unchanged', () => {
    const impact = estimateImpact(diff, [logged('auto', 'OH', '43215', 'auto-agent')]);

    expect(impact.moved).toBe(0);
  });

  it('counts redirects whose form definition changes', () => {
    const impact = estimateImpact(diff, [logged('home', 'GA', '30303', 'home-online'), logged('home', 'FL', '33139', 'not-served')]);

    expect(impact.moved).toBe(0);
    expect(impact.redirectedByFormChange).toBe(1);
  });

  it('skips redirects that reached no form', () => {
    const invalid: LoggedRedirect = { product: 'auto', language: null, zip: null, state: null, form: null };
    const impact = estimateImpact(diff, [invalid, logged('auto', 'OH', '43215', 'auto-online')]);

    expect(impact.total).toBe(2);
    expect(impact.considered).toBe(1);
    expect(impact.moved).toBe(1);
  });

  it('sorts changes by redirects', () => {
    const logs = [logged('auto', 'NJ', '07030', 'auto-agent'), ...Array.from({ length: 3 }, () => logged('auto', 'OH', '43215', 'auto-online'))];
    const impact = estimateImpact(diff, logs);

    expect(impact.byChange.map((change) => [change.state, change.redirects])).toEqual([
      ['OH', 3],
      ['NJ', 1],
    ]);
  });
});
