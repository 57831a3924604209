import type { BrandSettings, ExpectationCase, FormDefinition, RuleDefinition, RuleSet } from './ruleSet';

/** The files of one rule-set folder, `rules/<brand>/`, in the order they are read and reported. */
export const RULE_SET_FILE_NAMES = ['brand.json', 'forms.json', 'rules.json', 'expectations.json'] as const;
export type RuleSetFileName = (typeof RULE_SET_FILE_NAMES)[number];

/**
 * The parsed content of the four files of a rule-set folder, not yet validated. Each file
 * may carry a `$schema` key that points editors at its JSON Schema.
 */
export type RuleSetFiles = Record<RuleSetFileName, unknown>;

interface FormsFile {
  forms: Record<string, FormDefinition>;
}

interface RulesFile {
  rules: RuleDefinition[];
}

interface ExpectationsFile {
  cases: ExpectationCase[];
}

/**
 * Builds a rule set from files that passed `validateRuleSetSchema`, dropping the `$schema`
 * keys, which only editors read. The result of unvalidated files is undefined.
 */
export function ruleSetFromFiles(files: RuleSetFiles): RuleSet {
  const { $schema: _schema, ...settings } = files['brand.json'] as BrandSettings;

  return {
    settings,
    forms: (files['forms.json'] as FormsFile).forms,
    rules: (files['rules.json'] as RulesFile).rules,
    expectations: (files['expectations.json'] as ExpectationsFile).cases,
  };
}

/** Lays a rule set out as the content of its four files, so it can be validated against the file schemas. */
export function filesFromRuleSet(ruleSet: RuleSet): RuleSetFiles {
  return {
    'brand.json': ruleSet.settings,
    'forms.json': { forms: ruleSet.forms },
    'rules.json': { rules: ruleSet.rules },
    'expectations.json': { cases: ruleSet.expectations },
  };
}
