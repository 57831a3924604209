/**
 * Stable codes of a failed resolve, as returned in problem+json `code` and in the `reason`
 * parameter of a fallback redirect.
 */
export const RESOLVE_FAILURE_CODES = [
  'missing_parameter',
  'invalid_zip',
  'unknown_zip',
  'not_us_postal_code',
  'unknown_brand',
  'unknown_product',
  'unsupported_language',
  'internal_error',
] as const;

export type ResolveFailureCode = (typeof RESOLVE_FAILURE_CODES)[number];

/**
 * A resolve that could not produce a form. Expected outcomes (bad input, unknown names) are
 * returned as this value, not thrown.
 */
export interface ResolveFailure {
  code: ResolveFailureCode;
  /** Plain sentence naming the value received and what is accepted. */
  message: string;
  /** Query or body parameter at fault, when one is. */
  parameter?: string;
  /** A likely correction, e.g. `did you mean 02134?`. */
  hint?: string;
  /** Values that would have been accepted, when the list is short. */
  accepted?: string[];
}

/** Quotes a value for an error message, cut to a readable length so that hostile input cannot flood logs. */
export function quoteValue(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}
