import type { TopLevelCondition } from 'json-rules-engine';

/**
 * The facts a rule may test. Every resolve supplies all four, so no fact is ever missing at
 * evaluation time: `zip` is the 5-digit ZIP after normalisation, `state` the USPS code it maps to,
 * `language` the language after fallback (`es-US` becomes `es`), `product` as requested.
 */
export const RULE_FACTS = ['product', 'language', 'state', 'zip'] as const;
export type RuleFact = (typeof RULE_FACTS)[number];

/** Operators a rule may use. Each one only compares for equality, so the fact domain stays finite. */
export const RULE_OPERATORS = ['equal', 'notEqual', 'in', 'notIn'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** Brand settings, `rules/<brand>/brand.json`. */
export interface BrandSettings {
  $schema?: string;
  /** Lower-case id used in URLs, e.g. `acme`. */
  brand: string;
  displayName: string;
  /** Language used when the request names none. */
  defaultLanguage: string;
  /**
   * When true, a language that a product does not offer falls back to `defaultLanguage`.
   * When false, the request fails with `unsupported_language`.
   */
  languageFallback: boolean;
  /** Products the brand quotes, each with the languages its forms exist in. */
  products: Record<string, ProductSettings>;
  /** Hosts that form URLs and `fallbackUrl` may point to. */
  allowedHosts: string[];
  /** Query parameters copied onto the destination: exact names, or a prefix ending in `*` (`utm_*`). */
  forwardedParameters: string[];
  /** Destination when the input is invalid or resolving fails. It receives a `reason` parameter. */
  fallbackUrl: string;
  /** Form used when no rule matches. */
  fallbackForm: string;
}

export interface ProductSettings {
  languages: string[];
}

/** Form types. A `not-served` form is the brand's page for a product it does not offer in a state. */
export const FORM_TYPES = ['online', 'agent', 'callback', 'not-served', 'fallback'] as const;
export type FormType = (typeof FORM_TYPES)[number];

/** A named destination, `rules/<brand>/forms.json`. */
export interface FormDefinition {
  /** https URL template; may use `{zip}`, `{state}`, `{product}` and `{lang}`. */
  url: string;
  type: FormType;
  description?: string;
}

/** A json-rules-engine rule whose event names the form to use. */
export interface RuleDefinition {
  /** Stable id reported as `ruleId`. */
  name: string;
  priority: number;
  description?: string;
  conditions: TopLevelCondition;
  event: { type: 'route'; params: { form: string } };
}

/** One expected outcome, `rules/<brand>/expectations.json`. */
export interface ExpectationCase {
  description?: string;
  input: { product: string; zip: string; lang?: string };
  expect: { form: string; rule?: string | null; language?: string; state?: string };
}

/** Everything a brand publishes together. */
export interface RuleSet {
  settings: BrandSettings;
  forms: Record<string, FormDefinition>;
  rules: RuleDefinition[];
  expectations: ExpectationCase[];
}

/** The facts of one evaluation. */
export type RuleFacts = Record<RuleFact, string>;
