import type { HistoryEntry } from '../../rule-store/ruleStore';
import { EXIT } from '../main';
import { parseCommand, usageError } from '../cliOptions';
import { PROCESS_PUBLISH_IO, PUBLISH_COMMAND_OPTIONS } from './publishCommandIo';
import type { PublishCommandIo } from './publishCommandIo';

export const HISTORY_USAGE = `Usage: form-router rules history <brand> [options]

Lists the publish and rollback runs of <brand>, newest first: when, what, the outcome, the version
activated and the one it replaced, who ran it, and why a run failed.

Options:
  --limit <n>          number of entries to list (default 20)
  --stage <name>       read the history of stage <name> in AWS instead of the embedded default
  --json               print the entries as JSON
  -h, --help           show this help

Exit codes: 0 listed; 1 failure; 2 usage error.`;

const OPTIONS = { ...PUBLISH_COMMAND_OPTIONS, limit: { type: 'string', default: '20' } } as const;

/** `form-router rules history <brand>`: returns the exit code. */
export function run(args: string[]): Promise<number> {
  return runHistory(args, PROCESS_PUBLISH_IO);
}

/** Runs the history command with the given output and backend, as tests do. */
export async function runHistory(args: string[], io: PublishCommandIo): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, 1);
  if (!parsed.ok) return usageError(io, parsed.error, HISTORY_USAGE);
  const { values, positionals } = parsed;
  const brand = positionals[0];
  if (values.help) {
    io.out(HISTORY_USAGE);
    return EXIT.ok;
  }
  if (brand === undefined) return usageError(io, 'Missing the brand id', HISTORY_USAGE);
  const limit = Number(values.limit);
  if (!Number.isSafeInteger(limit) || limit < 1) {
    return usageError(io, `Invalid --limit "${values.limit}": expected a positive integer`, HISTORY_USAGE);
  }

  const backend = await io.openBackend(values.stage);
  try {
    const entries = await backend.store.listHistory(brand, limit);
    io.out(values.json ? JSON.stringify(entries, null, 2) : formatHistory(brand, entries));
    return EXIT.ok;
  } finally {
    await backend.close();
  }
}

/** Formats one line per entry, plus the error's lines (at most `MAX_REASON_LINES`) under a failed or rejected one. */
export function formatHistory(brand: string, entries: HistoryEntry[]): string {
  if (entries.length === 0) {
    return `${brand}: no publish or rollback runs recorded.`;
  }

  return entries.flatMap(formatEntry).join('\n');
}

function formatEntry(entry: HistoryEntry): string[] {
  const version = entry.version === null ? '-' : `v${entry.version}`;
  const previous = entry.previousVersion === null ? 'none' : `v${entry.previousVersion}`;
  const line = [entry.at, entry.action.padEnd(8), entry.outcome.padEnd(9), `${version} (was ${previous})`.padEnd(16), entry.actor, entry.publishId].join('  ');
  if (!entry.error) {
    return [line];
  }

  const [summary = '', ...details] = entry.error.message.split('\n').filter((text) => text.trim() !== '');
  const shown = details.slice(0, MAX_REASON_LINES).map((detail) => `      ${detail.trim()}`);
  const hidden = details.length > MAX_REASON_LINES ? [`      ... ${details.length - MAX_REASON_LINES} more (see --json)`] : [];
  return [line, `    ${entry.error.name}: ${summary}`, ...shown, ...hidden];
}

/** Error lines shown per failed run; `--json` has them all. */
const MAX_REASON_LINES = 5;
