/** Placeholders a form URL template may use. Values are URL-encoded when substituted. */
export const TEMPLATE_PLACEHOLDERS = ['zip', 'state', 'product', 'lang'] as const;
export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

/** Parameter names Form Router sets itself; a forwarded parameter never overrides them. */
const RESERVED_PARAMETERS = new Set(['reason']);

/** Forwarded values longer than this are dropped rather than cut, since a cut value would be wrong. */
export const MAX_FORWARDED_VALUE_LENGTH = 2048;
export const MAX_FORWARDED_PARAMETERS = 30;
/** Longest destination URL Form Router builds; forwarded parameters that do not fit are dropped. */
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

/** Whether a query parameter name is on the allow-list: an exact name, or a prefix written as `utm_*`. */
export function isForwardedParameter(name: string, allowList: readonly string[]): boolean {
  if (!PARAMETER_NAME.test(name) || RESERVED_PARAMETERS.has(name)) {
    return false;
  }
  return allowList.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
}

/**
 * Appends the allowed parameters to the destination. Values arrive decoded once and are encoded
 * once, exactly as `URLSearchParams` serialises them; a name the form URL already sets keeps the
 * form's value. Parameters that would take the URL past `MAX_DESTINATION_URL_LENGTH` are left
 * out, because proxies reject longer URLs and the redirect log stores URLs up to twice that long.
 * Only the query is written, so the host cannot change.
 */
export function appendForwardedParameters(url: URL, parameters: [string, string][], allowList: readonly string[]): void {
  const pieces: string[] = [];
  let length = url.href.length;
  let existing: URLSearchParams | undefined;

  for (const [name, value] of parameters) {
    if (pieces.length >= MAX_FORWARDED_PARAMETERS) {
      break;
    }
    if (!isForwardedParameter(name, allowList) || value.length > MAX_FORWARDED_VALUE_LENGTH) {
      continue;
    }
    existing ??= new URLSearchParams(url.search);
    const piece = `${formEncode(name)}=${formEncode(value)}`;
    if (existing.has(name) || length + piece.length + 1 > MAX_DESTINATION_URL_LENGTH) {
      continue;
    }

    pieces.push(piece);
    existing.append(name, value);
    length += piece.length + 1;
  }

  if (pieces.length > 0) {
    const query = pieces.join('&');
    url.search = url.search.length > 1 ? `${url.search.slice(1)}&${query}` : query;
  }
}

/** Encodes like `application/x-www-form-urlencoded`: everything but `A-Z a-z 0-9 * - . _` is escaped, a space becomes `+`. */
function formEncode(text: string): string {
  return encodeURIComponent(text.toWellFormed())
    .replace(/[!'()~]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
