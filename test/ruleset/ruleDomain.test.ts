import { UnknownZipError } from '../../functions/ruleset/compileErrors';
import { buildDomain, enumerateDomain, namedZips } from '../../functions/ruleset/ruleDomain';
import { US_STATES } from '../../functions/shared/usStates';
import { fakeLookupState } from '../support/fakeLookupState';
import { coastalRuleSet } from './fixtures/coastalRuleSet';
import { buildRuleSet, route } from './fixtures/ruleSetFactory';

describe('namedZips', () => {
  it('collects ZIPs from every operator and depth', () => {
    expect(namedZips(coastalRuleSet)).toEqual(['10001', '10002', '33101', '70112', '73301', '90210']);
  });

  it('ignores values compared with other facts', () => {
    const ruleSet = buildRuleSet([route('state-only', 1, 'online', { all: [{ fact: 'state', operator: 'equal', value: '90210' }] })]);

    expect(namedZips(ruleSet)).toEqual([]);
  });
});

describe('buildDomain', () => {
  it('covers every product, language and state', () => {
    const domain = buildDomain(coastalRuleSet, fakeLookupState);

    // auto (en, es), home (en) and renters (en, es) give 5 product × language pairs.
    expect(domain.stateInputs).toHaveLength(5 * US_STATES.length);
    expect(domain.stateInputs).toContainEqual({ product: 'renters', language: 'es', state: 'PW', zip: domain.unnamedZip });
    expect(domain.unnamedZip).toBe('00000');
  });

  it('adds each named ZIP with its state', () => {
    const domain = buildDomain(coastalRuleSet, fakeLookupState);

    expect(domain.zipInputs).toHaveLength(5 * 6);
    expect(domain.zipInputs).toContainEqual({ product: 'home', language: 'en', state: 'CA', zip: '90210' });
    expect(domain.zipInputs).toContainEqual({ product: 'auto', language: 'es', state: 'TX', zip: '73301' });
  });

  it('picks a stand-in ZIP that no rule names', () => {
    const ruleSet = buildRuleSet([route('odd-zips', 1, 'online', { all: [{ fact: 'zip', operator: 'in', value: ['00501', '00544'] }] })]);
    const lookupEverything = () => ({ state: 'NY', inferred: false });

    const domain = buildDomain(ruleSet, lookupEverything);
    const withZeroes = buildDomain(
      buildRuleSet([route('zero-zip', 1, 'online', { all: [{ fact: 'zip', operator: 'equal', value: '00000' }] })]),
      lookupEverything,
    );

    expect(domain.unnamedZip).toBe('00000');
    expect(withZeroes.unnamedZip).toBe('00001');
  });

  it('rejects named ZIPs without a state', () => {
    const ruleSet = buildRuleSet([
      route('first', 1, 'online', { all: [{ fact: 'zip', operator: 'equal', value: '00100' }] }),
      route('second', 1, 'online', { any: [{ fact: 'zip', operator: 'notIn', value: ['00100', '1234'] }] }),
    ]);

    const build = () => buildDomain(ruleSet, fakeLookupState);

    expect(build).toThrow(UnknownZipError);
    expect(build).toThrow('Brand "test" names ZIP codes with no known state: ZIP "00100" (rules "first", "second"); ZIP "1234" (rule "second")');
  });
});

describe('enumerateDomain', () => {
  it('lists state inputs before ZIP inputs', () => {
    const inputs = enumerateDomain(coastalRuleSet, fakeLookupState);

    expect(inputs).toHaveLength(5 * US_STATES.length + 5 * 6);
    expect(inputs[0]).toEqual({ product: 'auto', language: 'en', state: 'AL', zip: '00000' });
    expect(inputs.at(-1)).toEqual({ product: 'renters', language: 'es', state: 'CA', zip: '90210' });
  });
});
