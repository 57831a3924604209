import { createRuleMatcher } from '../../ruleset/matchRules';
import type { MatchedRule } from '../../ruleset/matchRules';
import { buildDomain } from '../../ruleset/ruleDomain';
import type { LookupState } from '../../ruleset/ruleDomain';
import type { RuleFacts, RuleSet } from '../../ruleset/ruleSet';
import type { ExampleInput } from './ruleProblem';

/** One input of the domain with the rules that match it. */
export interface EvaluatedInput {
  facts: RuleFacts;
  /** `state` when `facts.zip` stands for every ZIP that no rule names, `zip` for a ZIP a rule names. */
  kind: 'state' | 'zip';
  /** Highest priority first, equal priorities in file order, as `RuleMatcher.match` returns them. */
  matches: MatchedRule[];
}

/** The rules of a rule set run over every input of its domain. */
export interface DomainEvaluation {
  inputs: EvaluatedInput[];
}

/**
 * Runs every rule over every input of the domain (see `buildDomain`): each product × language ×
 * state, then each product × language × ZIP that a rule names. Throws the errors of
 * `createRuleMatcher` and `buildDomain` for rules that cannot be evaluated.
 */
export function evaluateDomain(ruleSet: RuleSet, lookupState: LookupState): DomainEvaluation {
  const matcher = createRuleMatcher(ruleSet);
  const domain = buildDomain(ruleSet, lookupState);

  const stateInputs = domain.stateInputs.map((facts): EvaluatedInput => ({ facts, kind: 'state', matches: matcher.match(facts) }));
  const zipInputs = domain.zipInputs.map((facts): EvaluatedInput => ({ facts, kind: 'zip', matches: matcher.match(facts) }));

  return { inputs: [...stateInputs, ...zipInputs] };
}

/** Returns the input as a rule author reads it: no ZIP where the input stands for every ZIP no rule names. */
export function exampleOf(input: EvaluatedInput): ExampleInput {
  const { product, language, state, zip } = input.facts;

  return input.kind === 'zip' ? { product, language, state, zip } : { product, language, state };
}

/** Writes an input as `product=auto, language=en, state=NY` or, with a named ZIP, `..., zip=10001`. */
export function describeInput(example: ExampleInput): string {
  const zip = example.zip === undefined ? '' : `, zip=${example.zip}`;

  return `product=${example.product}, language=${example.language}, state=${example.state}${zip}`;
}
