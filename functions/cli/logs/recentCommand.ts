import { REDIRECT_OUTCOMES } from '../../redirect-logging/redirectEvent';
import type { RedirectOutcome } from '../../redirect-logging/redirectEvent';
import type { RedirectLogItem } from '../../redirect-logging/redirectLogStore';
import { EXIT } from '../main';
import { COMMON_OPTIONS, parseCommandArgs, stageError, usageError } from './logsCommandIo';
import type { LogsCommandIo } from './logsCommandIo';
import { cell, formatTable } from './textTable';
import { parseSince } from './timeArguments';

export const RECENT_USAGE = `Usage: form-router logs recent --brand <brand> [options]

Lists the redirect logs of <brand>, newest first.

Options:
  --brand <brand>      brand whose logs to list (required)
  --since <time>       start of the period: a duration back from now (30m, 1h, 7d, 2w) or an ISO
                       date and time (default 1h)
  --zip <zip>          only logs of this 5-digit ZIP code
  --outcome <outcome>  only logs with this outcome: ${REDIRECT_OUTCOMES.join(', ')}
  --limit <n>          number of logs to list (default 50)
  --stage <name>       read the logs of stage <name> in AWS instead of the embedded default
  --json               print the logs as JSON
  -h, --help           show this help

Exit codes: 0 listed; 1 failure; 2 usage error.`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  brand: { type: 'string' },
  since: { type: 'string', default: '1h' },
  zip: { type: 'string' },
  outcome: { type: 'string' },
  limit: { type: 'string', default: '50' },
} as const;

interface RecentRequest {
  brand: string;
  since: Date;
  until: Date;
  stage: string | undefined;
  json: boolean;
  filters: RecentFilters;
}

/** Filters applied after reading the brand's time range. */
interface RecentFilters {
  zip: string | undefined;
  outcome: RedirectOutcome | undefined;
  limit: number;
}

/** `form-router logs recent`: returns the exit code. */
export async function runRecent(args: string[], io: LogsCommandIo): Promise<number> {
  const request = readRecentRequest(args, io);
  if (typeof request === 'number') {
    return request;
  }

  const backend = await io.openBackend(request.stage);
  try {
    const logs = selectRecent(await backend.reader.queryRedirectLogs(request.brand, request.since, request.until), request.filters);
    io.out(request.json ? JSON.stringify(logs, null, 2) : formatRecent(request.brand, logs, backend.target));
    return EXIT.ok;
  } finally {
    await backend.close();
  }
}

/** Returns the request, or the exit code after printing help or a usage error. */
function readRecentRequest(args: string[], io: LogsCommandIo): RecentRequest | number {
  const parsed = parseCommandArgs(args, OPTIONS);
  if (!parsed.ok) return usageError(io, parsed.error, RECENT_USAGE);
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(RECENT_USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 0) return usageError(io, `Unexpected argument "${positionals.join(' ')}"`, RECENT_USAGE);
  if (values.brand === undefined) return usageError(io, 'Missing --brand', RECENT_USAGE);
  const invalidStage = stageError(values.stage);
  if (invalidStage) return usageError(io, invalidStage, RECENT_USAGE);

  const until = io.now();
  const since = parseSince(values.since, until);
  if (!since.ok) return usageError(io, since.error, RECENT_USAGE);
  const filters = parseFilters(values);
  if (typeof filters === 'string') return usageError(io, filters, RECENT_USAGE);
  return { brand: values.brand, since: since.since, until, stage: values.stage, json: values.json, filters };
}

/** Returns the filters, or the usage error's message. */
function parseFilters(values: { zip?: string; outcome?: string; limit: string }): RecentFilters | string {
  if (values.zip !== undefined && !/^\d{5}$/.test(values.zip)) {
    return `Invalid --zip "${values.zip}": expected 5 digits, e.g. 02134`;
  }
  if (values.outcome !== undefined && !(REDIRECT_OUTCOMES as readonly string[]).includes(values.outcome)) {
    return `Invalid --outcome "${values.outcome}": expected one of ${REDIRECT_OUTCOMES.join(', ')}`;
  }
  const limit = Number(values.limit);
  if (!Number.isSafeInteger(limit) || limit < 1) {
    return `Invalid --limit "${values.limit}": expected a positive integer`;
  }

  return { zip: values.zip, outcome: values.outcome as RedirectOutcome | undefined, limit };
}

function selectRecent(logs: RedirectLogItem[], filters: RecentFilters): RedirectLogItem[] {
  return logs
    .filter((log) => filters.zip === undefined || log.zip === filters.zip)
    .filter((log) => filters.outcome === undefined || log.outcome === filters.outcome)
    .reverse()
    .slice(0, filters.limit);
}

function formatRecent(brand: string, logs: RedirectLogItem[], target: string): string {
  if (logs.length === 0) {
    return `${brand}: no redirect logs match (${target}).`;
  }

  const headers = ['time', 'endpoint', 'outcome', 'product', 'lang', 'zip', 'state', 'form', 'rule', 'version', 'ms'];
  const rows = logs.map((log) => [
    log.time, log.endpoint, log.errorCode === null ? log.outcome : `${log.outcome} (${log.errorCode})`, cell(log.product), cell(log.language), cell(log.zip),
    log.state === null ? '-' : `${log.state}${log.stateInferred ? '*' : ''}`,
    cell(log.form), cell(log.ruleId), cell(log.rulesetVersion), cell(log.latencyMs),
  ]);
  const inferred = logs.some((log) => log.stateInferred) ? '\n* state inferred from the ZIP prefix' : '';
  return `${formatTable(headers, rows)}${inferred}`;
}
