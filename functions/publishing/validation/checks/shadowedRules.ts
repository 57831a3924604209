import type { MatchedRule } from '../../../ruleset/matchRules';
import { ruleEntries } from '../conditionLeaves';
import type { RuleEntry } from '../conditionLeaves';
import { describeInput, exampleOf } from '../evaluateDomain';
import type { EvaluatedInput } from '../evaluateDomain';
import type { CheckContext, RuleProblem } from '../ruleProblem';

/**
 * Reports rules that can never decide an input: a rule that matches no input of the domain, and
 * a rule that, on every input where it matches, loses to a rule of higher priority that matches
 * too. The shadowing rule is named when one rule alone covers every such input. Otherwise the
 * rules that win instead are listed. Both are errors, since the author's intent never takes effect.
 */
export function checkShadowedRules(context: CheckContext): RuleProblem[] {
  const evaluation = context.evaluation();
  if (evaluation === null) {
    return [];
  }

  return ruleEntries(context.ruleSet).flatMap((rule) => {
    const matched = evaluation.inputs.filter((input) => input.matches.some((match) => match.position === rule.index));
    if (matched.length === 0) {
      return [neverMatches(context.brand, rule)];
    }

    const own = matchOf(matched[0] as EvaluatedInput, rule.index);
    const wins = matched.some((input) => !outranked(input, own));
    return wins ? [] : [shadowed(context.brand, rule, own, matched)];
  });
}

function matchOf(input: EvaluatedInput, position: number): MatchedRule {
  return input.matches.find((match) => match.position === position) as MatchedRule;
}

/** True when a rule of higher priority than `own` matches the input; equal priorities share the win. */
function outranked(input: EvaluatedInput, own: MatchedRule): boolean {
  return (input.matches[0]?.priority ?? 0) > own.priority;
}

function neverMatches(brand: string, rule: RuleEntry): RuleProblem {
  const message =
    `Brand "${brand}", rule "${rule.label}" matches no input: no product × language × state of brand.json, nor any ZIP a rule names, ` +
    'satisfies its conditions. Check the values it compares with (products and languages the brand offers, upper-case state codes) and conditions that exclude each other.';

  return { code: 'rule_never_matches', severity: 'error', brand, rule: rule.label, path: `${rule.path}.conditions`, message };
}

function shadowed(brand: string, rule: RuleEntry, own: MatchedRule, matched: EvaluatedInput[]): RuleProblem {
  const example = exampleOf(matched[0] as EvaluatedInput);
  const single = coveringRule(own, matched);
  const cause =
    single === undefined
      ? `on every input where it matches, one of the rules ${winnersOf(matched).map(describeRule).join(', ')} matches too and has a higher priority`
      : `rule ${describeRule(single)} matches every input that "${own.ruleId}" matches and has a higher priority`;
  const message =
    `Brand "${brand}", rule "${rule.label}" (priority ${own.priority}) never wins: ${cause}, e.g. ${describeInput(example)}. ` +
    `Raise its priority or narrow the conditions of ${single === undefined ? 'the rules that win' : `"${single.ruleId}"`}.`;

  return { code: 'shadowed_rule', severity: 'error', brand, rule: rule.label, path: `${rule.path}.priority`, message, examples: [example], count: matched.length };
}

/** Finds the highest-priority rule that outranks `own` and matches every input of `matched`, if any. */
function coveringRule(own: MatchedRule, matched: EvaluatedInput[]): MatchedRule | undefined {
  const [first, ...rest] = matched;
  const candidates = (first?.matches ?? []).filter((match) => match.priority > own.priority);

  return candidates.find((candidate) => rest.every((input) => input.matches.some((match) => match.position === candidate.position)));
}

function winnersOf(matched: EvaluatedInput[]): MatchedRule[] {
  const winners = new Map<number, MatchedRule>();
  for (const input of matched) {
    const winner = input.matches[0];
    if (winner !== undefined) winners.set(winner.position, winner);
  }

  return [...winners.values()];
}

function describeRule(rule: MatchedRule): string {
  return `"${rule.ruleId}" (priority ${rule.priority})`;
}
