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

export function parseQueryParameters(rawQueryString: string | undefined): QueryParameters {
  const params = new URLSearchParams(rawQueryString ?? '');
  const firstValues = new Map<string, string>();
  for (const [name, value] of params) {
    if (!firstValues.has(name)) {
      firstValues.set(name, value);
    }
  }

  return {
    first: (name) => firstValues.get(name),
    entries: () => [...firstValues.entries()],
  };
}
