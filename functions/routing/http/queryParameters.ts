/**
 * Query parameters of one request. Parsed from the raw query string because API Gateway joins
 * repeated values with commas in `queryStringParameters`, which would corrupt a value that
 * contains a comma. When a name repeats, the first value counts.
 */
export interface QueryParameters {
  /** First value of the parameter, decoded once; `undefined` when absent. */
  first(name: string): string | undefined;
  /** Every distinct name in order of first appearance, each with its first value. */
  entries(): [string, string][];
}

/** Characters that make a component need more than slicing: `+`, `%` and UTF-16 surrogates. */
const NEEDS_DECODING = /[+%\ud800-\udfff]/;

/**
 * Parses a query string as `URLSearchParams` does (`application/x-www-form-urlencoded`): one
 * leading `?` is ignored, empty pieces are skipped, `+` is a space, and percent-decoding happens
 * once, with invalid sequences kept as they are.
 */
export function parseQueryParameters(rawQueryString: string | undefined): QueryParameters {
  const query = rawQueryString?.charCodeAt(0) === 0x3f ? rawQueryString.slice(1) : (rawQueryString ?? '');
  const firstValues = new Map<string, string>();
  const entries: [string, string][] = [];

  for (let start = 0; start < query.length; ) {
    const ampersand = query.indexOf('&', start);
    const end = ampersand === -1 ? query.length : ampersand;
    if (end > start) {
      const equals = query.indexOf('=', start);
      const nameEnd = equals === -1 || equals > end ? end : equals;
      const name = decodeComponent(query.slice(start, nameEnd));
      if (!firstValues.has(name)) {
        const value = nameEnd === end ? '' : decodeComponent(query.slice(nameEnd + 1, end));
        firstValues.set(name, value);
        entries.push([name, value]);
      }
    }
    start = end + 1;
  }

  return {
    first: (name) => firstValues.get(name),
    entries: () => [...entries],
  };
}

/**
 * Decodes one name or value. `decodeURIComponent` gives the same result as `URLSearchParams`
 * whenever it succeeds on well-formed text. For the rest (invalid percent sequences, invalid
 * UTF-8, lone surrogates) `URLSearchParams` itself decodes the component.
 */
function decodeComponent(text: string): string {
  if (!NEEDS_DECODING.test(text)) {
    return text;
  }

  if (text.isWellFormed()) {
    try {
      return decodeURIComponent(text.replaceAll('+', ' '));
    } catch {
      // Invalid percent-encoding: decoded below with the exact rules.
    }
  }
  return new URLSearchParams(`_=${text}`).get('_') ?? '';
}
