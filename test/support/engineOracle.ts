import { Engine } from 'json-rules-engine';
import type { RuleFacts, RuleSet } from '../../functions/ruleset/ruleSet';

/** A rule that json-rules-engine reported as successful for one input. */
export interface EngineSuccess {
  ruleId: string;
  priority: number;
  formId: string;
}

/** The engine's routing result: the form of the highest-priority successes, or the fallback form when none succeeded. */
export interface EngineAnswer {
  formId: string;
  /** Names of the successful rules at the highest priority; empty for the fallback form. */
  topRuleIds: string[];
}

/** json-rules-engine itself, loaded with one rule set, as the reference that compiled tables are tested against. */
export interface EngineOracle {
  /** Runs the engine on the facts as given and returns every successful rule in the order the engine reported them. */
  successes(facts: RuleFacts): Promise<EngineSuccess[]>;
  /** Throws when the highest-priority successes name different forms, because the engine defines no winner then. */
  answer(facts: RuleFacts): Promise<EngineAnswer>;
}

/** Creates an engine with the rule set's rules and `allowUndefinedFacts: false`. Runs are sequential per oracle. */
export function createEngineOracle(ruleSet: RuleSet): EngineOracle {
  // The engine writes evaluation results into the rule objects it is given, so it gets copies.
  const engine = new Engine(structuredClone(ruleSet.rules), { allowUndefinedFacts: false });

  const successes = async (facts: RuleFacts): Promise<EngineSuccess[]> => {
    const { results } = await engine.run({ ...facts });

    return results.map((result) => ({
      ruleId: result.name,
      priority: result.priority ?? 1,
      formId: String(result.event?.params?.form),
    }));
  };

  const answer = async (facts: RuleFacts): Promise<EngineAnswer> => {
    const found = await successes(facts);
    if (found.length === 0) return { formId: ruleSet.settings.fallbackForm, topRuleIds: [] };

    const topPriority = Math.max(...found.map((success) => success.priority));
    const top = found.filter((success) => success.priority === topPriority);
    const forms = new Set(top.map((success) => success.formId));
    if (forms.size > 1) {
      throw new Error(`The engine has no winner for ${JSON.stringify(facts)}: forms ${[...forms].join(', ')} at priority ${topPriority}`);
    }

    return { formId: top[0]?.formId ?? '', topRuleIds: top.map((success) => success.ruleId) };
  };

  return { successes, answer };
}
