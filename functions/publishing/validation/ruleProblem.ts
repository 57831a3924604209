import type { LookupState } from '../../ruleset/ruleDomain';
import type { RuleSet } from '../../ruleset/ruleSet';
import type { DomainEvaluation } from './evaluateDomain';

/** Stable codes of the problems validation reports, for programs and for the workflow's record. */
export const RULE_PROBLEM_CODES = [
  // Shape of the files.
  'rule_set_file_missing',
  'rule_set_file_invalid_json',
  'schema_violation',
  'duplicate_rule_name',
  // Conditions.
  'unknown_fact',
  'unknown_operator',
  'invalid_condition',
  'condition_reference',
  'fact_path',
  'value_not_array',
  'value_not_string',
  'negative_condition_on_missing_fact',
  'negative_only_rule',
  // Values that rules compare with.
  'unoffered_product',
  'unoffered_language',
  'unknown_state',
  'invalid_zip_value',
  'unknown_zip',
  'default_language_not_offered',
  // Forms and destinations.
  'unknown_form',
  'unknown_fallback_form',
  'unused_form',
  'invalid_url',
  'insecure_url',
  'url_userinfo',
  'host_not_allowed',
  'service_host',
  'unknown_placeholder',
  'placeholder_in_host',
  'unsafe_destination',
  'invalid_allowed_host',
  'allowed_host_is_service_host',
  // Behaviour over the whole domain.
  'rule_conflict',
  'rule_never_matches',
  'shadowed_rule',
  'coverage_gap',
  'domain_checks_skipped',
  // Size and the checks themselves.
  'too_large',
  'near_size_limit',
  'check_failed',
] as const;

export type RuleProblemCode = (typeof RULE_PROBLEM_CODES)[number];

export type Severity = 'error' | 'warning';

/** One input of the domain. `zip` is absent where the input covers every ZIP of the state that no rule names. */
export interface ExampleInput {
  product: string;
  language: string;
  state: string;
  zip?: string;
}

/** One finding of validation, worded for the rule author. */
export interface RuleProblem {
  code: RuleProblemCode;
  severity: Severity;
  brand: string;
  /** Name of the rule at fault, when one is. */
  rule?: string;
  /** Location in the rule set, e.g. `rules[2].conditions.all[0].value` or `forms.auto-online.url`. */
  path?: string;
  /** A sentence that names the brand, the rule, the condition and an example input where one helps. */
  message: string;
  /** Inputs that show the problem, at most a few. */
  examples?: ExampleInput[];
  /** How many inputs show the problem, where that differs from `examples.length`. */
  count?: number;
}

/** The outcome of validation: a rule set with any error must not be published; warnings do not block. */
export interface ValidationReport {
  errors: RuleProblem[];
  warnings: RuleProblem[];
}

export interface ValidationOptions {
  /** Maps a 5-digit ZIP code to its state; the same table the hot path uses. */
  lookupState: LookupState;
  /** Hosts of Form Router itself, which no destination may point to. */
  serviceHosts: readonly string[];
}

/** Input of every check. `evaluation` runs the rules over the domain once, on first use. */
export interface CheckContext extends ValidationOptions {
  ruleSet: RuleSet;
  brand: string;
  /** The rules evaluated over the domain, or `null` when the rule set cannot be evaluated. */
  evaluation(): DomainEvaluation | null;
}

/** One validation check. It is pure, and reports bad content instead of throwing; `validateRuleSet` turns a throw into `check_failed`. */
export type RuleCheck = (context: CheckContext) => RuleProblem[];
