import { runExpectations } from '../../publishing/validation/runExpectations';
import type { ExpectationFailure, ExpectationResults } from '../../publishing/validation/runExpectations';
import type { RuleProblem } from '../../publishing/validation/ruleProblem';
import { compileRoutingTable } from '../../ruleset/compileRoutingTable';
import { RuleSetError } from '../../ruleset/errors';
import { RULES_DIR } from '../../ruleset/loadRuleSet';
import { lookupState } from '../../routing/zip/lookupState';
import { HELP_AND_JSON, PROCESS_OUTPUT, parseCommand, printJson, usageError } from '../cliOptions';
import type { CliOutput } from '../cliOptions';
import { EXIT } from '../main';
import { loadBrand, selectBrands } from './loadBrand';

export const TEST_USAGE = `Usage: form-router rules test [brand] [options]

Compiles the rule sets in rules/ (one brand, or every brand when none is named) and checks each
case of expectations.json against the compiled table, resolving ZIP, state and language as the
redirect endpoint does.

Options:
  --rules-dir <dir>    folder of rule sets (default: the repository's rules/)
  --json               print the results as JSON
  -h, --help           show this help

Exit codes: 0 every expectation passes; 1 an expectation fails; 2 usage error; 3 invalid rules.`;

const OPTIONS = { ...HELP_AND_JSON, 'rules-dir': { type: 'string' } } as const;

/** The expectation results of one brand, or the problems that kept its rules from compiling. */
export type BrandTestResult = ({ brand: string } & ExpectationResults) | { brand: string; invalid: RuleProblem[] };

/** `form-router rules test [brand]`: returns the exit code. */
export function run(args: string[]): Promise<number> {
  return runTest(args, PROCESS_OUTPUT);
}

/** Runs the test command with its output given, for tests. */
export async function runTest(args: string[], io: CliOutput): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, 1);
  if (!parsed.ok) return usageError(io, parsed.error, TEST_USAGE);
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(TEST_USAGE);
    return EXIT.ok;
  }
  const rulesDir = values['rules-dir'] ?? RULES_DIR;
  const selected = selectBrands(rulesDir, positionals[0]);
  if ('error' in selected) return usageError(io, selected.error, TEST_USAGE);

  const results = selected.brands.map((brand) => testBrand(rulesDir, brand));
  const invalid = results.some((result) => 'invalid' in result);
  const failing = results.some((result) => 'failed' in result && result.failed.length > 0);
  if (values.json) {
    printJson(io, { passed: !invalid && !failing, brands: results });
  } else {
    io.out(results.map(formatResult).join('\n'));
  }

  if (invalid) {
    return EXIT.invalidRules;
  }
  return failing ? EXIT.failure : EXIT.ok;
}

/** Loads, compiles and tests one brand folder. */
export function testBrand(rulesDir: string, brand: string): BrandTestResult {
  const loaded = loadBrand(rulesDir, brand);
  if (!loaded.ok) {
    return { brand, invalid: loaded.problems };
  }

  try {
    const table = compileRoutingTable(loaded.ruleSet, 0, lookupState);
    return { brand, ...runExpectations(loaded.ruleSet, table, lookupState) };
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    return { brand, invalid: [{ code: 'check_failed', severity: 'error', brand, message: `${error.message} Run "form-router rules validate ${brand}" for every problem.` }] };
  }
}

function formatResult(result: BrandTestResult): string {
  if ('invalid' in result) {
    return [`${result.brand}: rules are invalid, no expectation was run.`, ...result.invalid.map((problem) => `  ${problem.message}`)].join('\n');
  }
  if (result.failed.length === 0) {
    return `${result.brand}: all ${result.total} expectations pass.`;
  }

  const heading = `${result.brand}: ${result.failed.length} of ${result.total} expectations fail.`;
  return [heading, ...result.failed.map(formatFailure)].join('\n');
}

function formatFailure(failure: ExpectationFailure): string {
  const { input } = failure;
  const lang = input.lang === undefined ? '' : ` lang=${input.lang}`;
  const expectedRule = failure.expectedRule === undefined ? '' : `, rule ${failure.expectedRule ?? '(none: fallback)'}`;
  const resolved = `state ${failure.state ?? '?'}, language ${failure.language ?? '?'}`;

  return [
    `  ✗ ${failure.case}`,
    `      input     product=${input.product} zip=${input.zip}${lang}`,
    `      expected  form ${failure.expectedForm}${expectedRule}`,
    `      actual    form ${failure.actualForm ?? '(none)'}, rule ${failure.actualRule ?? '(none)'} (${resolved})`,
    ...failure.mismatches.map((mismatch) => `      · ${mismatch}`),
  ].join('\n');
}
