import { describeInput, exampleOf } from '../evaluateDomain';
import type { EvaluatedInput } from '../evaluateDomain';
import type { CheckContext, ExampleInput, RuleProblem } from '../ruleProblem';

/** Inputs spelled out in the problem's `examples`; `count` gives the total. */
const EXAMPLES_SHOWN = 5;
/** States or ZIP codes listed per product and language in the message. */
const VALUES_SHOWN = 8;

/**
 * Reports the inputs of the domain that no rule matches, which would reach only the brand's
 * fallback form. Every product × language × state, and every ZIP a rule names, must be routed by
 * a rule to a form or to the brand's not-served form. One error lists the gaps per product and
 * language, a few examples and their count.
 */
export function checkCoverageGaps(context: CheckContext): RuleProblem[] {
  const evaluation = context.evaluation();
  if (evaluation === null) {
    return [];
  }

  const gaps = evaluation.inputs.filter((input) => input.matches.length === 0);
  if (gaps.length === 0) {
    return [];
  }

  const examples: ExampleInput[] = gaps.slice(0, EXAMPLES_SHOWN).map(exampleOf);
  const fallbackForm = String(context.ruleSet.settings.fallbackForm);
  const message =
    `Brand "${context.brand}": ${gaps.length === 1 ? '1 input reaches' : `${gaps.length} inputs reach`} no rule and would get only the fallback form "${fallbackForm}", ` +
    `e.g. ${describeInput(examples[0] as ExampleInput)}. Uncovered: ${summarise(gaps)}. ` +
    'Add rules that route them to a form, or to a not-served form where the product is not offered.';

  return [{ code: 'coverage_gap', severity: 'error', brand: context.brand, message, examples, count: gaps.length }];
}

/** Groups gaps per product and language: `auto/es in PR, GU; home/en at ZIP 10001`. */
function summarise(gaps: EvaluatedInput[]): string {
  const groups = new Map<string, { states: string[]; zips: string[] }>();
  for (const gap of gaps) {
    const key = `${gap.facts.product}/${gap.facts.language}`;
    const group = groups.get(key) ?? { states: [], zips: [] };
    if (gap.kind === 'state') group.states.push(gap.facts.state);
    else group.zips.push(`${gap.facts.zip} (${gap.facts.state})`);
    groups.set(key, group);
  }

  return [...groups]
    .map(([key, { states, zips }]) => {
      const parts = [states.length > 0 ? `in ${shorten(states, 'states')}` : '', zips.length > 0 ? `at ZIP ${shorten(zips, 'ZIPs')}` : ''];
      return `${key} ${parts.filter((part) => part !== '').join(' and ')}`;
    })
    .join('; ');
}

function shorten(values: string[], noun: string): string {
  if (values.length <= VALUES_SHOWN) {
    return values.join(', ');
  }

  return `${values.length} ${noun} (${values.slice(0, VALUES_SHOWN).join(', ')}, …)`;
}
