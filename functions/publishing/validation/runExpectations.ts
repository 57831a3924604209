import { lookupDecision } from '../../ruleset/routingTable';
import type { RoutingTable } from '../../ruleset/routingTable';
import { resolveLanguage } from '../../ruleset/resolveLanguage';
import type { LookupState } from '../../ruleset/ruleDomain';
import type { ExpectationCase, RuleSet } from '../../ruleset/ruleSet';
import { normalizeZip } from '../../routing/zip/normalizeZip';

/** An expectation whose input routed elsewhere than expected, or could not be routed at all. */
export interface ExpectationFailure {
  /** The case's description, or `case <n>` (one-based) when it has none. */
  case: string;
  index: number;
  input: ExpectationCase['input'];
  expectedForm: string;
  /** `null` when the input could not be routed (invalid ZIP, unknown product, ...). */
  actualForm: string | null;
  /** `undefined` when the case does not check the rule; `null` expects the fallback form. */
  expectedRule: string | null | undefined;
  actualRule: string | null;
  expectedState: string | undefined;
  /** The state the ZIP maps to, `null` when the ZIP is invalid or unknown. */
  state: string | null;
  expectedLanguage: string | undefined;
  /** The language after fallback, `null` when none applies. */
  language: string | null;
  /** One sentence per difference, e.g. `form: expected "auto-agent", got "auto-online"`. */
  mismatches: string[];
}

export interface ExpectationResults {
  total: number;
  passed: number;
  failed: ExpectationFailure[];
}

/** The routing of one expectation's input, by the same steps as the hot path, from ZIP to table lookup. */
interface Outcome {
  form: string | null;
  rule: string | null;
  state: string | null;
  language: string | null;
  /** The reason the input could not be routed, when it could not. */
  error?: string;
}

/**
 * Runs a rule set's expectations against its compiled routing table, resolving each input the way
 * the hot path does. The ZIP is normalised (ZIP+4 cut to 5 digits) and mapped to its state, and
 * the language falls back with `resolveLanguage`. The table then gives the form, or the fallback
 * form where it has no entry. Each case checks the form, and the rule, language and state when it names
 * them. An input that cannot be routed fails its case. Never throws for bad content.
 */
export function runExpectations(ruleSet: RuleSet, table: RoutingTable, lookupState: LookupState): ExpectationResults {
  const cases = Array.isArray(ruleSet.expectations) ? ruleSet.expectations : [];
  const failed = cases.flatMap((expectation, index) => {
    const failure = checkCase(expectation, index, table, lookupState);
    return failure === undefined ? [] : [failure];
  });

  return { total: cases.length, passed: cases.length - failed.length, failed };
}

function checkCase(expectation: ExpectationCase, index: number, table: RoutingTable, lookupState: LookupState): ExpectationFailure | undefined {
  const outcome = route(expectation.input, table, lookupState);
  const { expect } = expectation;
  const mismatches = compare(expect, outcome);
  if (mismatches.length === 0) {
    return undefined;
  }

  return {
    case: expectation.description ?? `case ${index + 1}`,
    index,
    input: expectation.input,
    expectedForm: expect.form,
    actualForm: outcome.form,
    expectedRule: expect.rule,
    actualRule: outcome.rule,
    expectedState: expect.state,
    state: outcome.state,
    expectedLanguage: expect.language,
    language: outcome.language,
    mismatches,
  };
}

function route(input: ExpectationCase['input'], table: RoutingTable, lookupState: LookupState): Outcome {
  const none: Outcome = { form: null, rule: null, state: null, language: null };
  const zip = normalizeZip(input.zip);
  if (!zip.ok) {
    return { ...none, error: `zip: ${zip.message}` };
  }
  const located = lookupState(zip.zip);
  if (located === null) {
    return { ...none, error: `zip: ZIP code ${zip.zip} is not assigned to any US state or territory` };
  }

  const withState = { ...none, state: located.state };
  const product = input.product.trim().toLowerCase();
  if (!Object.hasOwn(table.settings.products, product)) {
    return { ...withState, error: `product: "${input.product}" is not offered; offered: ${Object.keys(table.settings.products).join(', ')}` };
  }
  const language = resolveLanguage(table.settings, product, input.lang);
  if ('error' in language) {
    return { ...withState, error: `lang: ${JSON.stringify(input.lang ?? null)} is not supported for ${product} and no fallback language applies` };
  }

  const decision = lookupDecision(table, product, language.language, located.state, zip.zip);
  const form = decision?.formId ?? table.settings.fallbackForm;
  return { form, rule: decision?.ruleId ?? null, state: located.state, language: language.language };
}

/** Lists what differs from the expectation; the form and rule only when the input could be routed. */
function compare(expect: ExpectationCase['expect'], outcome: Outcome): string[] {
  const mismatches: string[] = [];
  if (outcome.error !== undefined) {
    mismatches.push(outcome.error);
  } else {
    if (outcome.form !== expect.form) mismatches.push(differs('form', expect.form, outcome.form));
    if (expect.rule !== undefined && outcome.rule !== expect.rule) mismatches.push(differs('rule', expect.rule, outcome.rule));
  }
  if (expect.state !== undefined && outcome.state !== expect.state) mismatches.push(differs('state', expect.state, outcome.state));
  if (expect.language !== undefined && outcome.language !== expect.language) mismatches.push(differs('language', expect.language, outcome.language));

  return mismatches;
}

function differs(field: string, expected: string | null, actual: string | null): string {
  return `${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
