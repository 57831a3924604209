/**
 * The baseline of the publish benchmark: json-rules-engine loaded with a brand's rules and run once
 * per input of the brand's domain, as a router without a compiled table would route each input.
 */
import { Engine } from 'json-rules-engine';
import type { RuleFacts, RuleSet } from '../functions/ruleset/ruleSet';

/**
 * Creates an engine with the rule set's rules, runs it on every input in turn and picks each
 * input's highest-priority success. Returns how many inputs a rule routed.
 */
export async function runEngineOverDomain(ruleSet: RuleSet, domain: readonly RuleFacts[]): Promise<number> {
  // The engine writes evaluation results into the rule objects it is given, so it gets copies.
  const engine = new Engine(structuredClone(ruleSet.rules), { allowUndefinedFacts: false });

  let routed = 0;
  for (const facts of domain) {
    const { results } = await engine.run({ ...facts });
    const winner = results.reduce<(typeof results)[number] | undefined>((best, result) => ((result.priority ?? 1) > (best?.priority ?? 0) ? result : best), undefined);
    if (winner !== undefined) routed += 1;
  }

  return routed;
}
