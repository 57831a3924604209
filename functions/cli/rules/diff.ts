import { diffRoutingTables } from '../../publishing/validation/diffRoutingTables';
import type { RoutingChange, RoutingOutcome, RoutingTableDiff } from '../../publishing/validation/diffRoutingTables';
import { estimateImpact } from '../../publishing/validation/estimateImpact';
import type { ImpactEstimate } from '../../publishing/validation/estimateImpact';
import { compileRoutingTable } from '../../ruleset/compileRoutingTable';
import { RuleSetError } from '../../ruleset/errors';
import { RULES_DIR } from '../../ruleset/loadRuleSet';
import type { RoutingTable } from '../../ruleset/routingTable';
import { lookupState } from '../../routing/zip/lookupState';
import { HELP_AND_JSON, PROCESS_READ_IO, parseCommand, printJson, usageError } from '../cliOptions';
import type { ReadBackend, ReadCommandIo } from '../cliOptions';
import { EXIT } from '../main';
import { loadBrand, selectBrands } from './loadBrand';

export const DIFF_USAGE = `Usage: form-router rules diff <brand> [options]

Compares where every product × language × state, and every ZIP a rule names, goes with
rules/<brand>/ against the brand's active version, and estimates how many logged redirects of the
last days would go to another form. Without an active version every input is new.

Options:
  --days <n>           days of redirect logs for the impact estimate (default 7; 0 skips it)
  --rules-dir <dir>    folder of rule sets (default: the repository's rules/)
  --stage <name>       compare with stage <name> in AWS instead of the embedded default
  --json               print the diff as JSON, with every changed input
  -h, --help           show this help

Exit codes: 0 compared; 1 failure; 2 usage error; 3 invalid rules.`;

const OPTIONS = { ...HELP_AND_JSON, 'rules-dir': { type: 'string' }, stage: { type: 'string' }, days: { type: 'string', default: '7' } } as const;

/** Lines of changes in text output; `--json` lists every change. */
const GROUPS_SHOWN = 40;
/** States or ZIP codes named on one line of text output. */
const PLACES_SHOWN = 6;
const MAX_DAYS = 90;
const DAY_MS = 86_400_000;

/** `form-router rules diff <brand>`: returns the exit code. */
export function run(args: string[]): Promise<number> {
  return runDiff(args, PROCESS_READ_IO);
}

/** Runs the diff command with its output and backend given, for tests. */
export async function runDiff(args: string[], io: ReadCommandIo): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, 1);
  if (!parsed.ok) return usageError(io, parsed.error, DIFF_USAGE);
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(DIFF_USAGE);
    return EXIT.ok;
  }
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
    return usageError(io, `Invalid --days "${values.days}": expected a whole number from 0 to ${MAX_DAYS}`, DIFF_USAGE);
  }
  const rulesDir = values['rules-dir'] ?? RULES_DIR;
  const selected = positionals[0] === undefined ? { error: 'Missing the brand id' } : selectBrands(rulesDir, positionals[0]);
  if ('error' in selected) return usageError(io, selected.error, DIFF_USAGE);
  const brand = selected.brands[0] as string;

  const local = compileLocal(rulesDir, brand);
  if ('problems' in local) {
    io.err([`${brand}: rules/${brand} is invalid, so there is nothing to compare:`, ...local.problems].join('\n  '));
    return EXIT.invalidRules;
  }

  const backend = await io.openBackend(values.stage);
  try {
    const active = await activeTable(backend, brand);
    const diff = diffRoutingTables(active, local.table, lookupState);
    const impact = days === 0 ? null : estimateImpact(diff, await recentLogs(backend, brand, days));
    io.out(values.json ? JSON.stringify({ target: backend.target, days, diff, impact }, null, 2) : formatDiff(diff, impact, days, backend.target));
    return EXIT.ok;
  } finally {
    await backend.close();
  }
}

function compileLocal(rulesDir: string, brand: string): { table: RoutingTable } | { problems: string[] } {
  const loaded = loadBrand(rulesDir, brand);
  if (!loaded.ok) {
    return { problems: loaded.problems.map((problem) => problem.message) };
  }

  try {
    return { table: compileRoutingTable(loaded.ruleSet, 0, lookupState) };
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    return { problems: [error.message, `Run "form-router rules validate ${brand}" for every problem.`] };
  }
}

/** Compiles the brand's active version, or returns `null` when it has none. */
async function activeTable(backend: ReadBackend, brand: string): Promise<RoutingTable | null> {
  const pointer = await backend.store.getActive(brand);
  if (pointer === null) {
    return null;
  }

  const stored = await backend.store.getVersion(brand, pointer.version);
  return compileRoutingTable(stored.ruleSet, stored.version, lookupState);
}

async function recentLogs(backend: ReadBackend, brand: string, days: number) {
  const until = new Date();

  return backend.logs.queryRedirectLogs(brand, new Date(until.getTime() - days * DAY_MS), until);
}

/** Writes the diff for a rule author: the summary, then one line per changed input, then the impact. */
export function formatDiff(diff: RoutingTableDiff, impact: ImpactEstimate | null, days: number, target: string): string {
  const against = diff.fromVersion === null ? `no active version (${target}): every input is new` : `active version ${diff.fromVersion} (${target})`;
  const lines = [`${diff.brand}: rules/${diff.brand} compared with ${against}.`, ...formatSummary(diff)];

  const groups = groupChanges(diff.changes);
  const listedGroups = groups.slice(0, GROUPS_SHOWN);
  if (listedGroups.length > 0) lines.push('', ...alignColumns(listedGroups.map(formatGroup)));
  if (groups.length > listedGroups.length) lines.push(`  … and ${groups.length - listedGroups.length} more lines; --json lists every change.`);
  if (impact !== null) lines.push('', formatImpact(impact, days));

  return lines.join('\n');
}

function formatSummary(diff: RoutingTableDiff): string[] {
  const { summary } = diff;
  const byProduct = Object.entries(summary.changedByProduct).map(([product, count]) => `${product} ${count}`);
  const lines = [`  ${summary.changedInputs} input(s) go to another form${byProduct.length > 0 ? ` (${byProduct.join(', ')})` : ''}; ${summary.ruleOnlyChanges} keep their form under another rule.`];
  const lists: [string, string[]][] = [
    ['products added', summary.addedProducts],
    ['products removed', summary.removedProducts],
    ['languages added', summary.addedLanguages.map(({ product, language }) => `${product}/${language}`)],
    ['languages removed', summary.removedLanguages.map(({ product, language }) => `${product}/${language}`)],
    ['forms added', summary.addedForms],
    ['forms removed', summary.removedForms],
    ['forms changed (URL or type)', summary.changedForms],
    ['brand settings changed', summary.changedSettings],
  ];

  return [...lines, ...lists.filter(([, values]) => values.length > 0).map(([label, values]) => `  ${label}: ${values.join(', ')}`)];
}

/** Changes of one product and language that move from the same outcome to the same outcome. */
interface ChangeGroup {
  first: RoutingChange;
  places: string[];
}

/** Groups changes with equal product, language and outcomes, keeping the order of their first change. */
function groupChanges(changes: RoutingChange[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const change of changes) {
    const key = [change.product, change.language, describeOutcome(change.before), describeOutcome(change.after)].join('|');
    const place = change.zip === undefined ? change.state : `ZIP ${change.zip} (${change.state})`;
    const group = groups.get(key) ?? { first: change, places: [] };
    group.places.push(place);
    groups.set(key, group);
  }

  return [...groups.values()];
}

function formatGroup({ first, places }: ChangeGroup): string[] {
  const noun = places.some((place) => place.startsWith('ZIP')) ? 'places' : 'states';
  const listed = places.length <= PLACES_SHOWN ? places.join(', ') : `${places.length} ${noun}: ${places.slice(0, PLACES_SHOWN).join(', ')}, …`;

  return [`  ${first.product}/${first.language}`, listed, describeOutcome(first.before), '→', describeOutcome(first.after)];
}

function describeOutcome(outcome: RoutingOutcome | null): string {
  if (outcome === null) return '(not offered)';

  return `${outcome.form} (${outcome.rule ?? 'no rule: fallback'})`;
}

function formatImpact(impact: ImpactEstimate, days: number): string {
  const period = `the last ${days} day${days === 1 ? '' : 's'}`;
  if (impact.considered === 0) {
    return `  Impact: no redirect that reached a form was logged in ${period}.`;
  }

  const formChange = impact.redirectedByFormChange > 0 ? ` ${impact.redirectedByFormChange} more keep their form but land on its changed URL.` : '';
  const skipped = impact.total - impact.considered;
  const scope = skipped > 0 ? ` (${skipped} more were invalid input or errors, which no rule decides)` : '';
  return `  Impact: ${impact.moved} of ${impact.considered} redirects that reached a form in ${period} would go to another form${scope}.${formChange}`;
}

/** Pads each column to its widest cell, so the changes read as a table. */
function alignColumns(rows: string[][]): string[] {
  const widths = rows.reduce<number[]>((max, row) => row.map((cell, index) => Math.max(max[index] ?? 0, cell.length)), []);

  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  '));
}
