import type { FormType } from '../ruleset/ruleSet';
import { lookupDecision } from '../ruleset/routingTable';
import type { RoutingTable } from '../ruleset/routingTable';
import { resolveLanguage } from '../ruleset/resolveLanguage';
import { buildDestinationUrl } from './destinationTemplate';
import { destinationTemplateOf } from './destinationTemplateCache';
import { requestedLanguage } from './requestedLanguage';
import { quoteValue } from './resolveFailure';
import type { ResolveFailure } from './resolveFailure';
import { lookupState } from './zip/lookupState';
import { normalizeZip } from './zip/normalizeZip';

export interface ResolveRequest {
  brand: string | undefined;
  product: string | undefined;
  /** A string from a query, or a string or number from a JSON body. */
  zip: unknown;
  lang: string | undefined;
  acceptLanguage: string | undefined;
  /** Query parameters to forward when the brand allows them, decoded once. */
  forwardParameters: [string, string][];
}

/** Reason for the destination: a matching rule, the fallback form, or the not-served form. */
export type ResolveReason = 'rule' | 'fallback' | 'not_served';

export interface Resolution {
  url: string;
  form: string;
  formType: FormType;
  state: string;
  stateInferred: boolean;
  language: string;
  ruleId: string | null;
  rulesetVersion: number;
  reason: ResolveReason;
}

/** Facts known about the request, valid or not, for the redirect event. */
export interface ResolveFacts {
  brand: string | null;
  product: string | null;
  language: string | null;
  zip: string | null;
  state: string | null;
  stateInferred: boolean;
}

export type ResolveResult =
  | { ok: true; resolution: Resolution; facts: ResolveFacts; table: RoutingTable }
  | { ok: false; failure: ResolveFailure; facts: ResolveFacts; table: RoutingTable | undefined };

export interface ResolveContext {
  /** The routing table of a brand, or `undefined` for an unknown brand. */
  tableFor(brand: string): RoutingTable | undefined;
  serviceHosts: readonly string[];
}

/**
 * Resolves one request to a form URL: brand, product, ZIP, state, language, then the table.
 * Every expected problem is returned as a failure naming the value; only a broken invariant throws.
 */
export function resolveForm(request: ResolveRequest, context: ResolveContext): ResolveResult {
  const facts: ResolveFacts = { brand: null, product: null, language: null, zip: null, state: null, stateInferred: false };
  const fail = (failure: ResolveFailure, table?: RoutingTable): ResolveResult => ({ ok: false, failure, facts, table });

  const brand = request.brand?.normalize('NFKC').trim().toLowerCase();
  if (!brand) {
    return fail(missing('brand'));
  }
  const table = context.tableFor(brand);
  if (!table) {
    return fail({ code: 'unknown_brand', parameter: 'brand', message: `Unknown brand ${quoteValue(request.brand ?? '')}` });
  }
  facts.brand = brand;

  const product = request.product?.normalize('NFKC').trim().toLowerCase();
  if (!product) {
    return fail(missing('product'), table);
  }
  const productSettings = Object.hasOwn(table.settings.products, product) ? table.settings.products[product] : undefined;
  if (!productSettings) {
    const accepted = Object.keys(table.settings.products);
    const message = `Unknown product ${quoteValue(request.product ?? '')} for brand ${brand}; accepted: ${accepted.join(', ')}`;
    return fail({ code: 'unknown_product', parameter: 'product', message, accepted }, table);
  }
  facts.product = product;

  const zip = normalizeZip(request.zip);
  if (!zip.ok) {
    return fail({ code: zip.code, parameter: 'zip', message: zip.message, ...(zip.hint ? { hint: zip.hint } : {}) }, table);
  }
  facts.zip = zip.zip;
  const located = lookupState(zip.zip);
  if (!located) {
    return fail({ code: 'unknown_zip', parameter: 'zip', message: `ZIP code ${zip.zip} is not assigned to any US state or territory` }, table);
  }
  facts.state = located.state;
  facts.stateInferred = located.inferred;

  const requested = requestedLanguage(request.lang, request.acceptLanguage, productSettings.languages);
  const language = resolveLanguage(table.settings, product, requested);
  if ('error' in language) {
    const accepted = productSettings.languages;
    const message = `Unsupported language ${quoteValue(request.lang ?? '')} for ${brand} ${product}; accepted: ${accepted.join(', ')}`;
    return fail({ code: 'unsupported_language', parameter: 'lang', message, accepted }, table);
  }
  facts.language = language.language;

  const resolution = decide(table, product, language.language, located.state, located.inferred, zip.zip, request, context);
  return { ok: true, resolution, facts, table };
}

function decide(
  table: RoutingTable,
  product: string,
  language: string,
  state: string,
  stateInferred: boolean,
  zip: string,
  request: ResolveRequest,
  context: ResolveContext,
): Resolution {
  const decision = lookupDecision(table, product, language, state, zip);
  const formId = decision?.formId ?? table.settings.fallbackForm;
  const form = table.forms[formId];
  if (!form) {
    throw new Error(`Routing table of ${table.brand} v${table.version} names form ${formId}, which it does not define`);
  }

  const ruleId = decision?.ruleId ?? null;
  const reason = resolveReason(ruleId, form.type);
  const destination = destinationTemplateOf(table, formId, context.serviceHosts);
  const values = { zip, state, product, lang: language };
  const url = buildDestinationUrl(destination, values, request.forwardParameters, table.settings.forwardedParameters);

  return {
    url,
    form: formId,
    formType: form.type,
    state,
    stateInferred,
    language,
    ruleId,
    rulesetVersion: table.version,
    reason,
  };
}

function missing(parameter: string): ResolveFailure {
  return { code: 'missing_parameter', parameter, message: `Missing required parameter "${parameter}"` };
}

/** Names the reason for a destination: no deciding rule is the fallback, a not-served form is `not_served`. */
export function resolveReason(ruleId: string | null, formType: FormType): ResolveReason {
  if (ruleId === null) {
    return 'fallback';
  }
  return formType === 'not-served' ? 'not_served' : 'rule';
}
