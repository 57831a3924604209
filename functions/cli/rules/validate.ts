import { validateRuleSet } from '../../publishing/validation/validateRuleSet';
import type { RuleProblem } from '../../publishing/validation/ruleProblem';
import { RULES_DIR } from '../../ruleset/loadRuleSet';
import { lookupState } from '../../routing/zip/lookupState';
import { loadConfig } from '../../shared/config';
import { HELP_AND_JSON, PROCESS_OUTPUT, parseCommand, printJson, usageError } from '../cliOptions';
import type { CliOutput } from '../cliOptions';
import { EXIT } from '../main';
import { loadBrand, selectBrands } from './loadBrand';

export const VALIDATE_USAGE = `Usage: form-router rules validate [brand] [options]

Checks the rule sets in rules/ (one brand, or every brand when none is named) without publishing:
schema, facts, operators and values, forms and destination URLs, size, equal-priority conflicts,
rules that never win and inputs that no rule routes. Errors block publishing; warnings do not.

Options:
  --rules-dir <dir>    folder of rule sets (default: the repository's rules/)
  --json               print the reports as JSON
  -h, --help           show this help

Exit codes: 0 no errors; 1 failure; 2 usage error; 3 invalid rules.`;

const OPTIONS = { ...HELP_AND_JSON, 'rules-dir': { type: 'string' } } as const;

/** The validation outcome of one brand. */
export interface BrandReport {
  brand: string;
  valid: boolean;
  errors: RuleProblem[];
  warnings: RuleProblem[];
}

/** `form-router rules validate [brand]`: returns the exit code. */
export function run(args: string[]): Promise<number> {
  return runValidate(args, PROCESS_OUTPUT);
}

/** Runs the validate command with its output given, for tests. */
export async function runValidate(args: string[], io: CliOutput): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, 1);
  if (!parsed.ok) return usageError(io, parsed.error, VALIDATE_USAGE);
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(VALIDATE_USAGE);
    return EXIT.ok;
  }
  const rulesDir = values['rules-dir'] ?? RULES_DIR;
  const selected = selectBrands(rulesDir, positionals[0]);
  if ('error' in selected) return usageError(io, selected.error, VALIDATE_USAGE);

  const serviceHosts = loadConfig().serviceHosts;
  const reports = selected.brands.map((brand) => validateBrand(rulesDir, brand, serviceHosts));
  const valid = reports.every((report) => report.valid);
  if (values.json) {
    printJson(io, { valid, brands: reports });
  } else {
    io.out(formatReports(reports));
  }

  return valid ? EXIT.ok : EXIT.invalidRules;
}

/** Loads and validates one brand folder; load failures become errors of the report. */
export function validateBrand(rulesDir: string, brand: string, serviceHosts: readonly string[]): BrandReport {
  const loaded = loadBrand(rulesDir, brand);
  if (!loaded.ok) {
    return { brand, valid: false, errors: loaded.problems, warnings: [] };
  }

  const report = validateRuleSet(loaded.ruleSet, { lookupState, serviceHosts });
  return { brand, valid: report.errors.length === 0, ...report };
}

/** Writes the reports for a rule author: one heading per brand, then each problem with its code and place. */
export function formatReports(reports: BrandReport[]): string {
  const sections = reports.map((report) => [heading(report), ...[...report.errors, ...report.warnings].map(formatProblem)].join('\n'));
  const failed = reports.filter((report) => !report.valid).length;
  const total = `${reports.length} brand${reports.length === 1 ? '' : 's'} checked`;
  const summary = failed === 0 ? `${total}, no errors.` : `${total}, ${failed} with errors: nothing can be published until they are fixed.`;

  return [...sections, '', summary].join('\n');
}

function heading(report: BrandReport): string {
  const errors = count(report.errors.length, 'error');
  const warnings = count(report.warnings.length, 'warning');
  const state = report.valid ? 'valid' : 'INVALID';

  return `${report.brand}: ${state} (${errors}, ${warnings})`;
}

function formatProblem(problem: RuleProblem): string {
  const where = [problem.code, problem.rule === undefined ? '' : `rule ${problem.rule}`, problem.path ?? ''].filter((part) => part !== '').join(' · ');

  return `  ${problem.severity === 'error' ? 'error  ' : 'warning'}  ${where}\n           ${problem.message}`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
