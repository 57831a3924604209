import { InvalidRuleNameError, InvalidRulePriorityError, UnknownFormError } from '../../functions/ruleset/compileErrors';
import { createRuleMatcher, matchRules } from '../../functions/ruleset/matchRules';
import type { RuleFacts } from '../../functions/ruleset/ruleSet';
import { buildRuleSet, route } from './fixtures/ruleSetFactory';

const AUTO_CA: RuleFacts = { product: 'auto', language: 'en', state: 'CA', zip: '90210' };
const isAuto = { all: [{ fact: 'product', operator: 'equal', value: 'auto' }] };
const isCalifornia = { all: [{ fact: 'state', operator: 'equal', value: 'CA' }] };

describe('matchRules', () => {
  it('sorts matches by priority, then file order', () => {
    const ruleSet = buildRuleSet([
      route('low', 1, 'online', isAuto),
      route('high', 9, 'agent', isCalifornia),
      route('middle-first', 5, 'callback', isAuto),
      route('middle-second', 5, 'callback', isCalifornia),
    ]);

    const matches = matchRules(ruleSet, AUTO_CA);

    expect(matches.map((match) => match.ruleId)).toEqual(['high', 'middle-first', 'middle-second', 'low']);
    expect(matches[0]).toEqual({ ruleId: 'high', formId: 'agent', priority: 9, position: 1 });
  });

  it('leaves out rules that do not match', () => {
    const ruleSet = buildRuleSet([route('home-only', 1, 'online', { all: [{ fact: 'product', operator: 'equal', value: 'home' }] })]);

    expect(matchRules(ruleSet, AUTO_CA)).toEqual([]);
  });

  it('matches rules without a product condition for every product', () => {
    const ruleSet = buildRuleSet([route('auto', 1, 'online', isAuto), route('california', 2, 'agent', isCalifornia)]);
    const matcher = createRuleMatcher(ruleSet);

    expect(matcher.match(AUTO_CA).map((match) => match.ruleId)).toEqual(['california', 'auto']);
    expect(matcher.match({ ...AUTO_CA, product: 'home' }).map((match) => match.ruleId)).toEqual(['california']);
    expect(matcher.match({ ...AUTO_CA, product: 'boat' }).map((match) => match.ruleId)).toEqual(['california']);
  });

  it('finds a product rule whose product sits under any', () => {
    const ruleSet = buildRuleSet([
      route('auto-or-home', 1, 'online', {
        any: [
          { fact: 'product', operator: 'in', value: ['auto'] },
          { fact: 'product', operator: 'equal', value: 'home' },
        ],
      }),
      route('not-home', 2, 'agent', { not: { fact: 'product', operator: 'equal', value: 'home' } }),
    ]);
    const matcher = createRuleMatcher(ruleSet);

    expect(matcher.match({ ...AUTO_CA, product: 'home' }).map((match) => match.ruleId)).toEqual(['auto-or-home']);
    expect(matcher.match({ ...AUTO_CA, product: 'life' }).map((match) => match.ruleId)).toEqual(['not-home']);
  });

  it.each([0, -3, 1.5, '2'])('rejects priority %p', (priority) => {
    const ruleSet = buildRuleSet([route('odd-priority', priority as number, 'online', isAuto)]);

    expect(() => createRuleMatcher(ruleSet)).toThrow(InvalidRulePriorityError);
    expect(() => createRuleMatcher(ruleSet)).toThrow(`Rule "odd-priority" of brand "test" has priority ${JSON.stringify(priority)}`);
  });

  it('rejects a form missing from forms', () => {
    const ruleSet = buildRuleSet([route('to-nowhere', 1, 'phone', isAuto)]);

    expect(() => createRuleMatcher(ruleSet)).toThrow(UnknownFormError);
    expect(() => createRuleMatcher(ruleSet)).toThrow(/Rule "to-nowhere" of brand "test" names form "phone", which forms does not define/);
  });

  it('rejects a repeated rule name', () => {
    const ruleSet = buildRuleSet([route('twice', 1, 'online', isAuto), route('other', 1, 'online', isAuto), route('twice', 2, 'agent', isAuto)]);

    expect(() => createRuleMatcher(ruleSet)).toThrow(InvalidRuleNameError);
    expect(() => createRuleMatcher(ruleSet)).toThrow('Rule name "twice" of brand "test" is used by more than one rule (rules #1 and #3)');
  });

  it('rejects an empty rule name', () => {
    const ruleSet = buildRuleSet([route('', 1, 'online', isAuto)]);

    expect(() => createRuleMatcher(ruleSet)).toThrow('Rule name "" of brand "test" is not a non-empty string (rule #1)');
  });
});
