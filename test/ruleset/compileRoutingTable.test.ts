import { RuleConflictError, UnknownFormError, UnknownZipError } from '../../functions/ruleset/compileErrors';
import { compileRoutingTable } from '../../functions/ruleset/compileRoutingTable';
import { lookupDecision, stateKey, zipKey } from '../../functions/ruleset/routingTable';
import type { RuleDefinition } from '../../functions/ruleset/ruleSet';
import { US_STATES } from '../../functions/shared/usStates';
import { createEngineOracle } from '../support/engineOracle';
import { fakeLookupState } from '../support/fakeLookupState';
import { buildRuleSet, route } from './fixtures/ruleSetFactory';

const product = (value: string) => ({ fact: 'product', operator: 'equal', value });
const state = (value: string) => ({ fact: 'state', operator: 'equal', value });
const zip = (value: string) => ({ fact: 'zip', operator: 'equal', value });

function compile(rules: RuleDefinition[]) {
  return compileRoutingTable(buildRuleSet(rules), 7, fakeLookupState);
}

function compileError(rules: RuleDefinition[]): RuleConflictError {
  try {
    compile(rules);
  } catch (error) {
    if (error instanceof RuleConflictError) return error;
    throw error;
  }
  throw new Error('compileRoutingTable accepted conflicting rules');
}

describe('compileRoutingTable', () => {
  it('fills byState for every product, language and state', () => {
    const table = compile([]);

    // auto (en, es) and home (en) give 3 product × language pairs.
    expect(table.byState.size).toBe(3 * US_STATES.length);
    expect(table.byZip.size).toBe(0);
    expect(table).toMatchObject({ brand: 'test', version: 7 });
  });

  it('uses the fallback form when no rule matches', () => {
    const table = compile([route('home-only', 1, 'online', { all: [product('home')] })]);

    expect(lookupDecision(table, 'auto', 'es', 'OH', '44101')).toEqual({ formId: 'fallback', ruleId: null });
    expect(lookupDecision(table, 'home', 'en', 'OH', '44101')).toEqual({ formId: 'online', ruleId: 'home-only' });
  });

  it('picks the highest priority', () => {
    const table = compile([
      route('auto-online', 1, 'online', { all: [product('auto')] }),
      route('auto-agent-in-ohio', 8, 'agent', { all: [product('auto'), state('OH')] }),
      route('auto-callback-in-ohio', 3, 'callback', { all: [product('auto'), state('OH')] }),
    ]);

    expect(lookupDecision(table, 'auto', 'en', 'OH', '44101')).toEqual({ formId: 'agent', ruleId: 'auto-agent-in-ohio' });
    expect(lookupDecision(table, 'auto', 'en', 'IN', '46201')).toEqual({ formId: 'online', ruleId: 'auto-online' });
  });

  it('reports the first rule of an equal-priority tie with the same form', () => {
    const table = compile([
      route('ohio', 4, 'agent', { all: [state('OH')] }),
      route('auto-anywhere', 4, 'agent', { all: [product('auto')] }),
    ]);

    expect(lookupDecision(table, 'auto', 'en', 'OH', '44101')).toEqual({ formId: 'agent', ruleId: 'ohio' });
    expect(lookupDecision(table, 'auto', 'en', 'IN', '46201')).toEqual({ formId: 'agent', ruleId: 'auto-anywhere' });
  });

  it('stores a ZIP only where its decision differs', () => {
    const table = compile([
      route('texas-agent', 2, 'agent', { all: [state('TX')] }),
      route('austin-callback', 5, 'callback', { all: [zip('73301')] }),
      route('beverly-hills-nothing', 4, 'online', { all: [product('home'), { fact: 'zip', operator: 'notEqual', value: '90210' }] }),
    ]);

    expect([...table.byZip.keys()].sort()).toEqual([
      zipKey('auto', 'en', '73301'),
      zipKey('auto', 'es', '73301'),
      zipKey('home', 'en', '73301'),
      zipKey('home', 'en', '90210'),
    ]);
    expect(table.byZip.get(zipKey('home', 'en', '90210'))).toEqual({ formId: 'fallback', ruleId: null });
    expect(table.byState.get(stateKey('home', 'en', 'CA'))).toEqual({ formId: 'online', ruleId: 'beverly-hills-nothing' });
  });

  it('stores a ZIP whose form is unchanged but whose rule differs', () => {
    const table = compile([
      route('texas-agent', 2, 'agent', { all: [state('TX')] }),
      route('austin-agent', 5, 'agent', { all: [zip('73301')] }),
    ]);

    expect(table.byZip.get(zipKey('auto', 'en', '73301'))).toEqual({ formId: 'agent', ruleId: 'austin-agent' });
  });

  it('rejects equal priorities with different forms', async () => {
    const rules = [
      route('ohio-agent', 6, 'agent', { all: [state('OH')] }),
      route('auto-callback', 6, 'callback', { all: [product('auto')] }),
    ];

    const error = compileError(rules);
    const [conflict] = error.conflicts;
    const engineSuccesses = await createEngineOracle(buildRuleSet(rules)).successes({ product: 'auto', language: 'en', state: 'OH', zip: '00000' });

    expect(error.name).toBe('RuleConflictError');
    expect(error.code).toBe('rule_conflict');
    expect(error.message).toContain('rules "ohio-agent" (form "agent") and "auto-callback" (form "callback") both have priority 6');
    expect(error.message).toContain('match product=auto, language=en, state=OH');
    expect(conflict?.example).toEqual({ product: 'auto', language: 'en', state: 'OH' });
    expect(engineSuccesses.map((success) => success.ruleId).sort()).toEqual(['auto-callback', 'ohio-agent']);
  });

  it('names the ZIP of a conflict that only a ZIP shows', () => {
    const error = compileError([
      route('austin-agent', 3, 'agent', { all: [zip('73301')] }),
      route('spanish-callback', 3, 'callback', { all: [{ fact: 'language', operator: 'equal', value: 'es' }] }),
    ]);

    expect(error.conflicts).toHaveLength(1);
    expect(error.message).toContain('match product=auto, language=es, state=TX, zip=73301');
  });

  it('rejects conflicts hidden below a higher priority', () => {
    const error = compileError([
      route('everything', 9, 'online', { all: [] }),
      route('ohio-agent', 2, 'agent', { all: [state('OH')] }),
      route('ohio-callback', 2, 'callback', { all: [state('OH')] }),
    ]);

    expect(error.conflicts.map((conflict) => [conflict.first.ruleId, conflict.second.ruleId])).toEqual([['ohio-agent', 'ohio-callback']]);
  });

  it('collects every conflict and counts the ones not shown', () => {
    const rules = ['agent', 'callback', 'online', 'not-served', 'fallback'].map((form) => route(`ohio-${form}`, 1, form, { all: [state('OH')] }));

    const error = compileError(rules);

    // Five rules with five different forms form 10 pairs; the message spells out 3.
    expect(error.conflicts).toHaveLength(10);
    expect(error.message).toMatch(/^Brand "test" has 10 rule conflict\(s\) \(and 7 more\): rules "ohio-agent"/);
    expect(error.message).toContain('Give one rule of each pair a higher priority');
  });

  it('rejects a fallback form missing from forms', () => {
    const ruleSet = buildRuleSet([], { fallbackForm: 'gone' });

    const compileMissing = () => compileRoutingTable(ruleSet, 1, fakeLookupState);

    expect(compileMissing).toThrow(UnknownFormError);
    expect(compileMissing).toThrow(/The fallbackForm setting of brand "test" names form "gone"/);
  });

  it('rejects a named ZIP without a state', () => {
    expect(() => compile([route('nowhere', 1, 'agent', { all: [zip('00312')] })])).toThrow(UnknownZipError);
  });
});
