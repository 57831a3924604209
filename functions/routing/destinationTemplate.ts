import { UnsafeDestinationError, appendForwardedParameters, assertSafeDestination, fillTemplate, forwardedQuery } from './destinationUrl';
import type { DestinationPolicy, TemplateValues } from './destinationUrl';

type PlaceholderName = keyof TemplateValues;

/** Where a placeholder sits in the URL, which decides how the URL parser treats its value. */
type PlaceholderComponent = 'path' | 'query' | 'fragment';

/**
 * A form URL template parsed once: the canonical URL text around each placeholder, so that a
 * request builds its destination by concatenation instead of running the URL parser.
 * `literals` has one more entry than `placeholders`.
 */
export interface DestinationTemplate {
  template: string;
  policy: DestinationPolicy;
  /** `https://host/`, with the port when the template names one: every built URL starts with it. */
  originPrefix: string;
  literals: string[];
  placeholders: { name: PlaceholderName; component: PlaceholderComponent }[];
  /** Decoded query parameter names the template sets itself; a forwarded parameter never overrides them. */
  ownParameterNames: ReadonlySet<string>;
  /**
   * False for templates whose canonical text depends on the values in ways concatenation cannot
   * reproduce: a placeholder that the parser removes, one in a query parameter name, or one beside
   * `%` in a path segment. Those are filled and parsed per request instead.
   */
  concatenates: boolean;
}

/** Lower-case letters only, so that the URL parser leaves it unchanged in every component. */
const MARKER = 'formrouterplaceholder';
const PLACEHOLDERS = /\{(zip|state|product|lang)\}/g;
const ANY_PLACEHOLDER = /\{(zip|state|product|lang)\}/;
/** A canonical URL never contains these: controls, space, non-ASCII, `"`, `<` and `>` are percent-encoded. */
const OUTSIDE_CANONICAL_URL = /[^\x21\x23-\x3b\x3d\x3f-\x7e]/;

/**
 * Parses a form URL template with the WHATWG URL parser and checks it against the destination
 * policy, as `fillTemplate` does per request. Throws `UnsafeDestinationError` when the policy
 * rejects it or a placeholder sits in the authority, and the URL parser's `TypeError` when the
 * template is not a URL.
 */
export function compileDestinationTemplate(template: string, policy: DestinationPolicy): DestinationTemplate {
  assertNoPlaceholderInAuthority(template);
  const placeholderNames = [...template.matchAll(PLACEHOLDERS)].map((match) => match[1] as PlaceholderName);
  const url = new URL(template.replace(PLACEHOLDERS, MARKER));
  if (url.host.includes(MARKER)) {
    throw placeholderInHost(template);
  }
  assertSafeDestination(url, policy);

  const href = url.href;
  const originPrefix = `${url.origin}/`;
  const literals = href.split(MARKER);
  const ownParameterNames = new Set(url.searchParams.keys());
  const base = { template, policy, originPrefix, ownParameterNames };
  const markersKept = !template.includes(MARKER) && literals.length === placeholderNames.length + 1;
  if (!markersKept || [...ownParameterNames].some((name) => name.includes(MARKER))) {
    return { ...base, literals: [], placeholders: [], concatenates: false };
  }

  const placeholders = placeholderNames.map((name, index) => ({ name, component: componentAt(href, literals, index) }));
  const concatenates = placeholders.every((placeholder, index) => placeholder.component !== 'path' || !segmentHasPercent(literals, index));
  return { ...base, literals, placeholders, concatenates };
}

/**
 * Builds the destination URL of one request: the template filled with encoded values, then the
 * forwarded parameters that `forwardedQuery` admits. Returns the same URL as `fillTemplate`
 * followed by `appendForwardedParameters`, and checks it before returning it. Throws
 * `UnsafeDestinationError` when that check fails, and `URIError` for a value with a lone surrogate.
 */
export function buildDestinationUrl(
  destination: DestinationTemplate,
  values: TemplateValues,
  parameters: [string, string][],
  allowList: readonly string[],
): string {
  const filled = destination.concatenates ? concatenate(destination, values) : undefined;
  if (filled === undefined) {
    const url = fillTemplate(destination.template, values, destination.policy);
    appendForwardedParameters(url, parameters, allowList);
    return url.href;
  }

  const query = forwardedQuery(parameters, allowList, destination.ownParameterNames, filled.length);
  const url = query === '' ? filled : insertQuery(filled, query);
  assertBuiltDestination(url, destination.originPrefix);
  return url;
}

/**
 * Checks a destination built by concatenation: it must start with the origin validated when the
 * template was compiled, and contain only characters a canonical URL contains. Throws
 * `UnsafeDestinationError` otherwise.
 */
export function assertBuiltDestination(url: string, originPrefix: string): void {
  if (!url.startsWith(originPrefix)) {
    throw new UnsafeDestinationError(`Destination ${url.slice(0, 200)} does not start with the validated origin ${originPrefix}`);
  }
  if (OUTSIDE_CANONICAL_URL.test(url)) {
    throw new UnsafeDestinationError(`Destination ${JSON.stringify(url.slice(0, 200))} contains a character a URL cannot contain unencoded`);
  }
}

/**
 * Joins literals and encoded values. Returns `undefined` for an empty value, because the parser
 * trims spaces it can leave at the end of the URL. Returns `undefined` for a path value of only
 * dots too, because the parser can read it as a `.` or `..` segment and remove it.
 */
function concatenate(destination: DestinationTemplate, values: TemplateValues): string | undefined {
  const { literals, placeholders } = destination;
  let url = literals[0]!;

  for (let index = 0; index < placeholders.length; index++) {
    const { name, component } = placeholders[index]!;
    const encoded = encodeURIComponent(values[name]);
    if (encoded === '' || (component === 'path' && isDots(encoded))) {
      return undefined;
    }
    // The URL parser percent-encodes `'` in the query of an https URL; encodeURIComponent keeps it.
    url += component === 'query' && encoded.includes("'") ? encoded.replaceAll("'", '%27') : encoded;
    url += literals[index + 1]!;
  }
  return url;
}

/** Inserts forwarded parameters at the end of the query, before any fragment, as setting `URL.search` does. */
function insertQuery(url: string, query: string): string {
  const fragmentStart = url.indexOf('#');
  const beforeFragment = fragmentStart === -1 ? url : url.slice(0, fragmentStart);
  const fragment = fragmentStart === -1 ? '' : url.slice(fragmentStart);
  const queryStart = beforeFragment.indexOf('?');

  if (queryStart === -1) {
    return `${beforeFragment}?${query}${fragment}`;
  }
  if (queryStart === beforeFragment.length - 1) {
    return `${beforeFragment}${query}${fragment}`;
  }
  // The `URL.search` setter drops one leading `?` of the text it is given, so a query that starts
  // with `?` loses it when parameters are appended.
  const existing = beforeFragment.charCodeAt(queryStart + 1) === 0x3f ? beforeFragment.slice(queryStart + 2) : beforeFragment.slice(queryStart + 1);
  return `${beforeFragment.slice(0, queryStart + 1)}${existing}&${query}${fragment}`;
}

function componentAt(href: string, literals: string[], index: number): PlaceholderComponent {
  const position = literals.slice(0, index + 1).join(MARKER).length;
  const fragmentStart = href.indexOf('#');
  const queryStart = href.indexOf('?');

  if (fragmentStart !== -1 && position > fragmentStart) {
    return 'fragment';
  }
  if (queryStart !== -1 && position > queryStart && (fragmentStart === -1 || queryStart < fragmentStart)) {
    return 'query';
  }
  return 'path';
}

/** Checks whether the path segment around placeholder `index` has a `%` that a value could complete to `%2e`. */
function segmentHasPercent(literals: string[], index: number): boolean {
  const before = literals[index]!;
  const after = literals[index + 1]!;
  const segmentStart = before.slice(before.lastIndexOf('/') + 1);
  const segmentEnd = after.split(/[/?#]/, 1)[0]!;
  return segmentStart.includes('%') || segmentEnd.includes('%');
}

function isDots(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) !== 0x2e) {
      return false;
    }
  }
  return true;
}

/**
 * Throws `UnsafeDestinationError` when a placeholder sits between `scheme://` and the path, where
 * the URL parser would reject the marker in a port. A marker in the host is caught after parsing.
 */
function assertNoPlaceholderInAuthority(template: string): void {
  const authorityStart = template.indexOf('//');
  const rest = authorityStart === -1 ? template : template.slice(authorityStart + 2);
  const authority = rest.split(/[/?#\\]/, 1)[0]!;
  if (ANY_PLACEHOLDER.test(authority)) {
    throw placeholderInHost(template);
  }
}

function placeholderInHost(template: string): UnsafeDestinationError {
  return new UnsafeDestinationError(`Form URL template ${template.slice(0, 200)} has a placeholder in its host; placeholders may appear only in the path, query or fragment`);
}
