import { RuleSetError } from './errors';
import { RULE_SET_FILE_NAMES } from './ruleSetFiles';
import type { SchemaProblem } from './validateSchema';
import { formatSchemaProblem } from './validateSchema';

/** Maximum number of problems listed in an error message. The error's `problems` field contains all of them. */
const MAX_LISTED_PROBLEMS = 20;

/** A file of a rule-set folder does not exist. `brand` is the folder name. */
export class RuleSetFileMissingError extends RuleSetError {
  override readonly name = 'RuleSetFileMissingError';
  override readonly code = 'rule_set_file_missing';

  constructor(
    readonly filePath: string,
    brand: string,
    options?: ErrorOptions,
  ) {
    super(`Rule set file ${filePath} is missing. A rule set folder contains ${RULE_SET_FILE_NAMES.join(', ')}.`, brand, options);
  }
}

/** A file of a rule-set folder is not valid JSON. The message gives the parser's reason and, when known, the line and column. */
export class RuleSetFileInvalidJsonError extends RuleSetError {
  override readonly name = 'RuleSetFileInvalidJsonError';
  override readonly code = 'rule_set_file_invalid_json';

  constructor(
    readonly filePath: string,
    brand: string,
    text: string,
    cause: SyntaxError,
  ) {
    super(`Rule set file ${filePath} is not valid JSON: ${cause.message}${locationOf(text, cause)}`, brand, { cause });
  }
}

/** The files of a rule-set folder parse as JSON but break their JSON Schemas. */
export class RuleSetSchemaInvalidError extends RuleSetError {
  override readonly name = 'RuleSetSchemaInvalidError';
  override readonly code = 'rule_set_schema_invalid';

  constructor(
    readonly brandDir: string,
    brand: string,
    readonly problems: readonly SchemaProblem[],
  ) {
    super(describeProblems(brandDir, problems), brand);
  }
}

function describeProblems(brandDir: string, problems: readonly SchemaProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `\n  ${formatSchemaProblem(problem)}`);
  const more = problems.length > MAX_LISTED_PROBLEMS ? `\n  … and ${problems.length - MAX_LISTED_PROBLEMS} more` : '';

  return `Rule set ${brandDir} does not match its JSON Schemas (rules/schemas), ${count}:${listed.join('')}${more}`;
}

/** Converts the character offset in a `JSON.parse` message, when there is one, into ` (line L, column C)`. */
function locationOf(text: string, error: SyntaxError): string {
  const match = /at position (\d+)/.exec(error.message);
  if (match?.[1] === undefined) return '';

  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');

  return ` (line ${line}, column ${column})`;
}
