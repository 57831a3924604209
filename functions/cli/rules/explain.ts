import { RULES_DIR } from '../../ruleset/loadRuleSet';
import { loadConfig } from '../../shared/config';
import { HELP_AND_JSON, PROCESS_READ_IO, parseCommand, printJson, usageError } from '../cliOptions';
import type { ReadCommandIo } from '../cliOptions';
import { EXIT } from '../main';
import { explainRequest } from './explanation';
import type { ExplainRequest, Explanation, ExplanationSource } from './explanation';
import { loadBrand, selectBrands } from './loadBrand';

export const EXPLAIN_USAGE = `Usage: form-router rules explain --brand <brand> --product <product> --zip <zip> [options]

Explains where one request goes: the ZIP's state, the language after fallback, every rule that
matches with its priority, the winner and why, and the form with its URL. Reads the brand's active
version, or rules/<brand>/ with --local.

Options:
  --brand <brand>      brand id, e.g. acme
  --product <product>  product, e.g. auto
  --zip <zip>          ZIP code: 5 digits or ZIP+4
  --lang <tag>         requested language, e.g. es-US (default: the brand's default language)
  --local              explain rules/<brand>/ instead of the active version
  --rules-dir <dir>    folder of rule sets for --local (default: the repository's rules/)
  --stage <name>       read the active version of stage <name> in AWS instead of the embedded default
  --json               print the explanation as JSON
  -h, --help           show this help

Exit codes: 0 a form was chosen; 1 the request would fail (invalid ZIP, unknown product, ...) or
no version is active; 2 usage error; 3 invalid rules with --local.`;

const OPTIONS = {
  ...HELP_AND_JSON,
  brand: { type: 'string' },
  product: { type: 'string' },
  zip: { type: 'string' },
  lang: { type: 'string' },
  local: { type: 'boolean', default: false },
  'rules-dir': { type: 'string' },
  stage: { type: 'string' },
} as const;

/** `form-router rules explain`: returns the exit code. */
export function run(args: string[]): Promise<number> {
  return runExplain(args, PROCESS_READ_IO);
}

/** Runs the explain command with its output and backend given, for tests. */
export async function runExplain(args: string[], io: ReadCommandIo): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, 0);
  if (!parsed.ok) return usageError(io, parsed.error, EXPLAIN_USAGE);
  const { values } = parsed;
  if (values.help) {
    io.out(EXPLAIN_USAGE);
    return EXIT.ok;
  }
  const missing = (['brand', 'product', 'zip'] as const).filter((name) => values[name] === undefined);
  if (missing.length > 0) return usageError(io, `Missing ${missing.map((name) => `--${name}`).join(', ')}`, EXPLAIN_USAGE);
  const request: ExplainRequest = { brand: String(values.brand).trim().toLowerCase(), product: String(values.product), zip: String(values.zip), lang: values.lang };

  const source = values.local ? readLocal(io, values['rules-dir'] ?? RULES_DIR, request.brand) : await readActive(io, values.stage, request.brand);
  if (typeof source === 'number') {
    return source;
  }

  const explanation = explainRequest(source, request, loadConfig().serviceHosts);
  if (values.json) printJson(io, explanation);
  else io.out(formatExplanation(explanation));

  return explanation.outcome === 'error' ? EXIT.failure : EXIT.ok;
}

/** Returns the rule set of rules/<brand>/, or the exit code after reporting why it cannot be read. */
function readLocal(io: ReadCommandIo, rulesDir: string, brand: string): ExplanationSource | number {
  const selected = selectBrands(rulesDir, brand);
  if ('error' in selected) return usageError(io, selected.error, EXPLAIN_USAGE);

  const loaded = loadBrand(rulesDir, brand);
  if (!loaded.ok) {
    io.err([`${brand}: rules/${brand} is invalid:`, ...loaded.problems.map((problem) => problem.message)].join('\n  '));
    return EXIT.invalidRules;
  }
  return { ruleSet: loaded.ruleSet, version: null, label: `rules/${brand} (not published)` };
}

/** Returns the brand's active version, or the exit code after reporting that it has none. */
async function readActive(io: ReadCommandIo, stage: string | undefined, brand: string): Promise<ExplanationSource | number> {
  const backend = await io.openBackend(stage);
  try {
    const pointer = await backend.store.getActive(brand);
    if (pointer === null) {
      io.err(`${brand}: no version is active (${backend.target}). Publish one with "form-router rules publish ${brand}", or add --local to explain rules/${brand}/.`);
      return EXIT.failure;
    }

    const stored = await backend.store.getVersion(brand, pointer.version);
    return { ruleSet: stored.ruleSet, version: stored.version, label: `version ${stored.version} (active, ${backend.target})` };
  } finally {
    await backend.close();
  }
}

/** Writes an explanation for a rule author: the request, each step, the matching rules and the form. */
export function formatExplanation(explanation: Explanation): string {
  const { request } = explanation;
  const lang = request.lang === undefined ? '' : ` lang=${request.lang}`;
  const lines = [`${explanation.brand}, ${explanation.source.label}: product=${request.product} zip=${request.zip}${lang}`];

  if (explanation.zip !== null && explanation.state !== null) {
    lines.push(`  ZIP       ${explanation.zip} is in ${explanation.state}${explanation.stateInferred ? ' (inferred from its 3-digit prefix)' : ''}`);
  }
  if (explanation.error !== undefined) {
    const message = /[.?!]$/.test(explanation.error.message) ? explanation.error.message : `${explanation.error.message}.`;
    lines.push(`  ✗ ${explanation.error.code}: ${message}`, '    The redirect endpoint sends this visitor to the brand\'s fallbackUrl with this reason.');
    return lines.join('\n');
  }
  if (explanation.language !== null) lines.push(`  language  ${explanation.language.how}`);

  lines.push(...formatMatches(explanation));
  if (explanation.winner !== null) lines.push(`  winner    ${explanation.winner.rule ?? '(none)'}: ${explanation.winner.detail}`);
  if (explanation.form !== null) lines.push(...formatForm(explanation.form));

  return lines.join('\n');
}

function formatMatches(explanation: Explanation): string[] {
  if (explanation.matches.length === 0) {
    return ['  rules     none matched'];
  }

  const ruleWidth = Math.max(...explanation.matches.map((match) => match.rule.length));
  const formWidth = Math.max(...explanation.matches.map((match) => match.form.length));
  const rows = explanation.matches.map((match, index) => {
    const mark = index === 0 ? '✓' : ' ';
    const description = match.description === undefined ? '' : `  ${match.description}`;
    return `    ${mark} ${match.rule.padEnd(ruleWidth)}  priority ${String(match.priority).padStart(3)}  → ${match.form.padEnd(formWidth)}${description}`.trimEnd();
  });

  return ['  rules     matching, highest priority first:', ...rows];
}

function formatForm(form: NonNullable<Explanation['form']>): string[] {
  const lines = [`  form      ${form.id} (${form.type}), reason ${form.reason}`, `  URL       ${form.url}`];
  if (form.urlError !== undefined) lines.push(`  ✗ the redirect endpoint rejects this URL: ${form.urlError}`);

  return lines;
}
