/** Placeholders a form URL template may use. Values are URL-encoded when substituted. */
export const TEMPLATE_PLACEHOLDERS = ['zip', 'state', 'product', 'lang'] as const;
export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

/** Parameter names Form Router sets itself; a forwarded parameter never overrides them. */
const RESERVED_PARAMETERS = new Set(['reason']);

/** Forwarded values longer than this are dropped rather than cut, since a cut value would be wrong. */
export const MAX_FORWARDED_VALUE_LENGTH = 2048;
export const MAX_FORWARDED_PARAMETERS = 30;
/** Maximum length of a destination URL; forwarded parameters that do not fit are dropped. */
export const MAX_DESTINATION_URL_LENGTH = 4096;
const PARAMETER_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

export class UnsafeDestinationError extends Error {
  override readonly name = 'UnsafeDestinationError';
  readonly code = 'unsafe_destination';
}

export interface DestinationPolicy {
  allowedHosts: readonly string[];
  /** Form Router's own hosts: a destination there would loop. */
  serviceHosts: readonly string[];
}

/**
 * Fills a form URL template and checks the result: https, a host on the brand's allow-list, not
 * Form Router itself, no user info. Throws `UnsafeDestinationError` otherwise, which a published
 * rule set cannot trigger because publishing runs the same check.
 */
export function fillTemplate(template: string, values: TemplateValues, policy: DestinationPolicy): URL {
  const filled = template.replace(/\{(zip|state|product|lang)\}/g, (_, name: keyof TemplateValues) =>
    encodeURIComponent(values[name]),
  );

  const url = new URL(filled);
  assertSafeDestination(url, policy);
  return url;
}

/** Throws `UnsafeDestinationError` naming the URL and the rule it breaks. */
export function assertSafeDestination(url: URL, policy: DestinationPolicy): void {
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:') {
    throw new UnsafeDestinationError(`Destination ${url.href} is not https`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new UnsafeDestinationError(`Destination ${url.href} contains user info`);
  }
  if (!policy.allowedHosts.some((allowed) => allowed.toLowerCase() === host)) {
    throw new UnsafeDestinationError(`Destination host ${host} is not in the allow-list: ${policy.allowedHosts.join(', ')}`);
  }
  if (policy.serviceHosts.includes(host)) {
    throw new UnsafeDestinationError(`Destination host ${host} is Form Router itself, which would loop`);
  }
}

/** Checks whether a query parameter name is on the allow-list: an exact name, or a prefix written as `utm_*`. */
export function isForwardedParameter(name: string, allowList: readonly string[]): boolean {
  if (!PARAMETER_NAME.test(name) || RESERVED_PARAMETERS.has(name)) {
    return false;
  }
  return allowList.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
}

/**
 * Appends the allowed parameters to the destination, as `forwardedQuery` selects and encodes
 * them. Only the query is written, so the host cannot change.
 */
export function appendForwardedParameters(url: URL, parameters: [string, string][], allowList: readonly string[]): void {
  let formParameters: URLSearchParams | undefined;
  const formNames = { has: (name: string) => (formParameters ??= new URLSearchParams(url.search)).has(name) };
  const query = forwardedQuery(parameters, allowList, formNames, url.href.length);

  if (query !== '') {
    url.search = url.search.length > 1 ? `${url.search.slice(1)}&${query}` : query;
  }
}

/**
 * Returns the query string of the allowed parameters, `&`-separated, for a destination URL of
 * `urlLength` characters. Values arrive decoded once and are encoded once, exactly as
 * `URLSearchParams` serialises them. A name the form URL already sets (`ownNames`) keeps the
 * form's value, and a repeated name keeps its first value. Parameters that would take the URL past
 * `MAX_DESTINATION_URL_LENGTH` are left out, because proxies reject longer URLs and the redirect
 * log stores URLs up to twice that long.
 */
export function forwardedQuery(
  parameters: [string, string][],
  allowList: readonly string[],
  ownNames: { has(name: string): boolean },
  urlLength: number,
): string {
  let query = '';
  let count = 0;
  let length = urlLength;
  const appended: string[] = [];

  for (const [name, value] of parameters) {
    if (count >= MAX_FORWARDED_PARAMETERS) {
      break;
    }
    if (!isForwardedParameter(name, allowList) || value.length > MAX_FORWARDED_VALUE_LENGTH) {
      continue;
    }
    const piece = `${formEncode(name)}=${formEncode(value)}`;
    if (ownNames.has(name) || appended.includes(name) || length + piece.length + 1 > MAX_DESTINATION_URL_LENGTH) {
      continue;
    }

    query = count === 0 ? piece : `${query}&${piece}`;
    appended.push(name);
    count += 1;
    length += piece.length + 1;
  }
  return query;
}

/** Characters `application/x-www-form-urlencoded` leaves as they are. */
const FORM_SAFE = /^[A-Za-z0-9*._-]*$/;

/** Encodes like `application/x-www-form-urlencoded`: everything but `A-Z a-z 0-9 * - . _` is escaped, a space becomes `+`. */
export function formEncode(text: string): string {
  if (FORM_SAFE.test(text)) {
    return text;
  }

  return encodeURIComponent(text.toWellFormed())
    .replace(/[!'()~]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
