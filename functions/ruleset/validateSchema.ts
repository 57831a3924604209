import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import brandSchema from '../../rules/schemas/brand.schema.json';
import expectationsSchema from '../../rules/schemas/expectations.schema.json';
import formsSchema from '../../rules/schemas/forms.schema.json';
import rulesSchema from '../../rules/schemas/rules.schema.json';
import { describeSchemaErrors } from './describeSchemaErrors';
import type { RuleSet } from './ruleSet';
import { RULE_SET_FILE_NAMES, filesFromRuleSet } from './ruleSetFiles';
import type { RuleSetFileName, RuleSetFiles } from './ruleSetFiles';

/** One place where a rule set breaks its JSON Schemas. */
export interface SchemaProblem {
  brand: string;
  file: RuleSetFileName;
  /** JSON pointer (RFC 6901) into the file. `""` is the whole document. */
  pointer: string;
  message: string;
}

export interface SchemaValidationOptions {
  /**
   * Name of the folder the files were read from. When given, `brand` in brand.json must equal it,
   * and problems name the brand by it.
   */
  folderName?: string;
}

/** Brand named in problems when neither the folder name nor brand.json supplies one. */
const UNNAMED_BRAND = '(unnamed brand)';

let validators: Record<RuleSetFileName, ValidateFunction> | undefined;

/**
 * Validates a rule set against the JSON Schemas in `rules/schemas/` and returns every problem,
 * or an empty list. Accepts the parsed files of a folder or an assembled `RuleSet`, which is
 * checked as if it had been laid out as files. Bad content gives problems, never an exception.
 * The schemas check shape only. Whether a rule's form exists, a host is allowed or two rules
 * conflict is checked by the publish validation and the compiler.
 */
export function validateRuleSetSchema(input: RuleSet | RuleSetFiles, options: SchemaValidationOptions = {}): SchemaProblem[] {
  const files = isRuleSet(input) ? filesFromRuleSet(input) : input;
  const brand = options.folderName ?? brandIdOf(files) ?? UNNAMED_BRAND;
  const compiled = compiledValidators();
  const problems: SchemaProblem[] = [];

  for (const file of RULE_SET_FILE_NAMES) {
    const validate = compiled[file];
    if (validate(files[file])) continue;

    for (const { pointer, message } of describeSchemaErrors(validate.errors ?? [])) {
      problems.push({ brand, file, pointer, message });
    }
  }

  if (options.folderName !== undefined) problems.push(...checkFolderName(files, options.folderName));

  return problems;
}

/** Formats a problem as one line: `acme rules.json /rules/3/priority: must be integer ≥ 1, got "high"`. */
export function formatSchemaProblem(problem: SchemaProblem): string {
  const pointer = problem.pointer === '' ? '(document)' : problem.pointer;

  return `${problem.brand} ${problem.file} ${pointer}: ${problem.message}`;
}

function checkFolderName(files: RuleSetFiles, folderName: string): SchemaProblem[] {
  const brandId = brandIdOf(files);
  if (brandId === undefined || brandId === folderName) return [];

  return [
    {
      brand: folderName,
      file: 'brand.json',
      pointer: '/brand',
      message: `must equal the folder name ${JSON.stringify(folderName)}, got ${JSON.stringify(brandId)}`,
    },
  ];
}

/** Compiles the four schemas on first use and keeps them, because compiling costs far more than validating. */
function compiledValidators(): Record<RuleSetFileName, ValidateFunction> {
  if (validators !== undefined) return validators;

  // verbose: the messages quote the offending value and the schema's constraints.
  // allowUnionTypes: a condition's `value` is a string or a list, and `expect.rule` a string or null.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true });
  validators = {
    'brand.json': ajv.compile(brandSchema),
    'forms.json': ajv.compile(formsSchema),
    'rules.json': ajv.compile(rulesSchema),
    'expectations.json': ajv.compile(expectationsSchema),
  };

  return validators;
}

function isRuleSet(input: RuleSet | RuleSetFiles): input is RuleSet {
  return 'settings' in input;
}

function brandIdOf(files: RuleSetFiles): string | undefined {
  const settings = files['brand.json'];
  if (typeof settings !== 'object' || settings === null) return undefined;

  const brand = (settings as Record<string, unknown>).brand;

  return typeof brand === 'string' ? brand : undefined;
}
