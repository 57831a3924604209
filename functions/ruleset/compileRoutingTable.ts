import { RuleConflictError, UnknownFormError } from './compileErrors';
import type { RuleConflict } from './compileErrors';
import { createRuleMatcher } from './matchRules';
import type { MatchedRule } from './matchRules';
import { RuleConflictCollector } from './ruleConflicts';
import { buildDomain } from './ruleDomain';
import type { LookupState } from './ruleDomain';
import { stateKey, zipKey } from './routingTable';
import type { RoutingDecision, RoutingTable } from './routingTable';
import type { RuleFacts, RuleSet } from './ruleSet';

/**
 * Compiles a rule set into the routing table of `version`. Every input of the domain (see
 * `buildDomain`) gets the form of its highest-priority matching rule, the first in file order
 * among equal priorities, or `settings.fallbackForm` with `ruleId` null when no rule matches.
 * `byZip` keeps a named ZIP's decision only where it differs from its state's decision.
 *
 * Throws:
 * - `RuleConflictError`, listing every pair of equal-priority rules that match a common input
 *   with different forms;
 * - `UnknownZipError` for named ZIPs that `lookupState` cannot map;
 * - `UnknownFormError` for a rule or fallback form missing from `forms`;
 * - the errors of `createRuleMatcher` for invalid rules.
 */
export function compileRoutingTable(ruleSet: RuleSet, version: number, lookupState: LookupState): RoutingTable {
  const { settings, forms } = ruleSet;
  if (!Object.hasOwn(forms, settings.fallbackForm)) {
    throw new UnknownFormError(settings.brand, null, settings.fallbackForm, Object.keys(forms));
  }

  const matcher = createRuleMatcher(ruleSet);
  const domain = buildDomain(ruleSet, lookupState);
  const collector = new RuleConflictCollector();
  const decide = (facts: RuleFacts, example: RuleConflict['example']): RoutingDecision => {
    const matches = matcher.match(facts);
    collector.inspect(matches, example);

    return decisionOf(matches[0], settings.fallbackForm);
  };

  const byState = new Map<string, RoutingDecision>();
  for (const facts of domain.stateInputs) {
    const { product, language, state } = facts;
    byState.set(stateKey(product, language, state), decide(facts, { product, language, state }));
  }
  const byZip = new Map<string, RoutingDecision>();
  for (const facts of domain.zipInputs) {
    const decision = decide(facts, facts);
    const stateDecision = byState.get(stateKey(facts.product, facts.language, facts.state));
    if (!sameDecision(decision, stateDecision)) byZip.set(zipKey(facts.product, facts.language, facts.zip), decision);
  }
  if (collector.conflicts.length > 0) throw new RuleConflictError(settings.brand, collector.conflicts);

  return { brand: settings.brand, version, settings, forms, byState, byZip };
}

function decisionOf(winner: MatchedRule | undefined, fallbackForm: string): RoutingDecision {
  return winner === undefined ? { formId: fallbackForm, ruleId: null } : { formId: winner.formId, ruleId: winner.ruleId };
}

function sameDecision(a: RoutingDecision, b: RoutingDecision | undefined): boolean {
  return b !== undefined && a.formId === b.formId && a.ruleId === b.ruleId;
}
