import { matchRules } from '../../ruleset/matchRules';
import type { MatchedRule } from '../../ruleset/matchRules';
import { primarySubtag, resolveLanguage } from '../../ruleset/resolveLanguage';
import type { BrandSettings, FormType, RuleSet } from '../../ruleset/ruleSet';
import { fillTemplate } from '../../routing/destinationUrl';
import type { TemplateValues } from '../../routing/destinationUrl';
import { resolveReason } from '../../routing/resolveForm';
import { lookupState } from '../../routing/zip/lookupState';
import { normalizeZip } from '../../routing/zip/normalizeZip';

/** The rule set a request is explained with, and how to name it. */
export interface ExplanationSource {
  ruleSet: RuleSet;
  /** The stored version, or `null` for rules/<brand>/. */
  version: number | null;
  /** `version 3 (active, local)` or `rules/acme (not published)` */
  label: string;
}

export interface ExplainRequest {
  brand: string;
  product: string;
  zip: string;
  lang: string | undefined;
}

export interface ExplainedMatch {
  rule: string;
  priority: number;
  form: string;
  description?: string;
}

/** Why the winner won: the only match, the highest priority, the first of equal priorities with one form, or no match at all. */
export type WinReason = 'only_match' | 'higher_priority' | 'equal_priority_same_form' | 'fallback';

/** Every step of resolving one request, in the order the hot path takes them. */
export interface Explanation {
  brand: string;
  source: { label: string; version: number | null };
  request: ExplainRequest;
  /** `error` when the request fails before a form is chosen; `error` then gives the reason. */
  outcome: 'form' | 'error';
  error?: { code: string; message: string };
  zip: string | null;
  state: string | null;
  stateInferred: boolean;
  language: { requested: string | null; resolved: string; how: string } | null;
  /** Every matching rule, highest priority first, equal priorities in file order. */
  matches: ExplainedMatch[];
  winner: { rule: string | null; why: WinReason; detail: string } | null;
  form: { id: string; type: FormType; url: string; urlError?: string; reason: 'rule' | 'fallback' | 'not_served' } | null;
}

/**
 * Resolves one request as the hot path does, recording each step: the ZIP is normalised and
 * mapped to its state, the product checked, the language resolved with `resolveLanguage`, and
 * every rule tested with `matchRules`, whose first match wins. An input the hot path would reject
 * gives `outcome: 'error'` with the API's error code. Throws what `matchRules` throws for rules
 * that cannot be evaluated.
 */
export function explainRequest(source: ExplanationSource, request: ExplainRequest, serviceHosts: readonly string[]): Explanation {
  const { settings } = source.ruleSet;
  const base: Explanation = { brand: settings.brand, source: { label: source.label, version: source.version }, request, outcome: 'error', zip: null, state: null, stateInferred: false, language: null, matches: [], winner: null, form: null };

  const zip = normalizeZip(request.zip);
  if (!zip.ok) {
    const hint = zip.hint === undefined ? '' : ` Hint: ${zip.hint}`;
    return { ...base, error: { code: zip.code, message: `${zip.message}${hint}` } };
  }
  const located = lookupState(zip.zip);
  if (located === null) {
    return { ...base, zip: zip.zip, error: { code: 'unknown_zip', message: `ZIP code ${zip.zip} is not assigned to any US state or territory` } };
  }

  const found: Explanation = { ...base, zip: zip.zip, state: located.state, stateInferred: located.inferred };
  const product = request.product.trim().toLowerCase();
  if (!Object.hasOwn(settings.products, product)) {
    return { ...found, error: { code: 'unknown_product', message: `Unknown product "${request.product}"; ${settings.brand} offers ${Object.keys(settings.products).join(', ')}` } };
  }
  const language = resolveLanguage(settings, product, request.lang);
  if ('error' in language) {
    const offered = settings.products[product]?.languages.join(', ');
    return { ...found, error: { code: 'unsupported_language', message: `Language "${request.lang ?? ''}" is not offered for ${product} (${offered}) and no fallback language applies` } };
  }

  const values: TemplateValues = { zip: zip.zip, state: located.state, product, lang: language.language };
  const matches = matchRules(source.ruleSet, { product, language: language.language, state: located.state, zip: zip.zip });
  const winner = explainWinner(settings, matches);
  return {
    ...found,
    outcome: 'form',
    language: { requested: request.lang ?? null, resolved: language.language, how: describeLanguageStep(settings, product, request.lang, language.language) },
    matches: matches.map((match) => describeMatch(source.ruleSet, match)),
    winner,
    form: describeForm(source.ruleSet, matches[0]?.formId ?? settings.fallbackForm, winner.rule, values, serviceHosts),
  };
}

function explainWinner(settings: BrandSettings, matches: MatchedRule[]): NonNullable<Explanation['winner']> {
  const [first, second] = matches;
  if (first === undefined) {
    return { rule: null, why: 'fallback', detail: `no rule matched, so the brand's fallbackForm "${settings.fallbackForm}" applies` };
  }
  if (second === undefined) {
    return { rule: first.ruleId, why: 'only_match', detail: `"${first.ruleId}" is the only rule that matched` };
  }
  if (second.priority < first.priority) {
    const detail = `"${first.ruleId}" has the highest priority, ${first.priority}, of the ${matches.length} matching rules (next: "${second.ruleId}" with ${second.priority})`;
    return { rule: first.ruleId, why: 'higher_priority', detail };
  }

  const detail = `"${first.ruleId}" and "${second.ruleId}" share the highest priority, ${first.priority}, and route to the same form; the first in file order is reported`;
  return { rule: first.ruleId, why: 'equal_priority_same_form', detail };
}

function describeLanguageStep(settings: BrandSettings, product: string, requested: string | undefined, resolved: string): string {
  if (requested === undefined || requested.trim() === '') {
    return `no language requested, so the brand default "${resolved}" applies`;
  }

  const primary = primarySubtag(requested);
  if (primary === resolved) {
    return primary === requested.trim().toLowerCase() ? `"${resolved}" is offered for ${product}` : `"${requested}" reduced to its primary subtag "${resolved}"`;
  }

  const offered = settings.products[product]?.languages.join(', ') ?? '';
  const asked = primary === null ? `"${requested}" is not a language tag` : `"${primary}" is not offered for ${product} (${offered})`;
  return `${asked}, so the brand default "${resolved}" applies`;
}

function describeMatch(ruleSet: RuleSet, match: MatchedRule): ExplainedMatch {
  const description = ruleSet.rules[match.position]?.description;

  return { rule: match.ruleId, priority: match.priority, form: match.formId, ...(description === undefined ? {} : { description }) };
}

function describeForm(ruleSet: RuleSet, formId: string, ruleId: string | null, values: TemplateValues, serviceHosts: readonly string[]): Explanation['form'] {
  const form = ruleSet.forms[formId];
  if (form === undefined) {
    return null;
  }

  const reason = resolveReason(ruleId, form.type);
  try {
    const url = fillTemplate(form.url, values, { allowedHosts: ruleSet.settings.allowedHosts, serviceHosts });
    return { id: formId, type: form.type, url: url.href, reason };
  } catch (error) {
    return { id: formId, type: form.type, url: form.url, urlError: error instanceof Error ? error.message : String(error), reason };
  }
}
