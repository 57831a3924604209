import { EXIT } from '../main';
import { COMMON_OPTIONS, parseCommandArgs, stageError, usageError } from './logsCommandIo';
import type { LogsCommandIo } from './logsCommandIo';
import { summariseLogs } from './redirectLogStats';
import type { RedirectLogStats, StatsDimension } from './redirectLogStats';
import { cell, formatTable } from './textTable';
import { parseSince } from './timeArguments';

export const STATS_USAGE = `Usage: form-router logs stats --brand <brand> --since <time> [options]

Counts the redirect logs of <brand> since <time> by outcome, rule, form, state and rule-set version.

Options:
  --brand <brand>      brand whose logs to count (required)
  --since <time>       start of the period: a duration back from now (30m, 1h, 7d, 2w) or an ISO
                       date and time (required)
  --stage <name>       read the logs of stage <name> in AWS instead of the embedded default
  --json               print the counts as JSON
  -h, --help           show this help

Exit codes: 0 counted; 1 failure; 2 usage error.`;

const OPTIONS = { ...COMMON_OPTIONS, brand: { type: 'string' }, since: { type: 'string' } } as const;

interface StatsRequest {
  brand: string;
  since: Date;
  until: Date;
  stage: string | undefined;
  json: boolean;
}

/** `form-router logs stats`: returns the exit code. */
export async function runStats(args: string[], io: LogsCommandIo): Promise<number> {
  const request = readStatsRequest(args, io);
  if (typeof request === 'number') {
    return request;
  }

  const backend = await io.openBackend(request.stage);
  try {
    const stats = summariseLogs(await backend.reader.queryRedirectLogs(request.brand, request.since, request.until));
    const report = { brand: request.brand, since: request.since.toISOString(), until: request.until.toISOString(), ...stats };
    io.out(request.json ? JSON.stringify(report, null, 2) : formatStats(request, stats, backend.target));
    return EXIT.ok;
  } finally {
    await backend.close();
  }
}

/** Returns the request, or the exit code after printing help or a usage error. */
function readStatsRequest(args: string[], io: LogsCommandIo): StatsRequest | number {
  const parsed = parseCommandArgs(args, OPTIONS);
  if (!parsed.ok) return usageError(io, parsed.error, STATS_USAGE);
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(STATS_USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 0) return usageError(io, `Unexpected argument "${positionals.join(' ')}"`, STATS_USAGE);
  if (values.brand === undefined) return usageError(io, 'Missing --brand', STATS_USAGE);
  if (values.since === undefined) return usageError(io, 'Missing --since', STATS_USAGE);
  const invalidStage = stageError(values.stage);
  if (invalidStage) return usageError(io, invalidStage, STATS_USAGE);

  const until = io.now();
  const since = parseSince(values.since, until);
  if (!since.ok) return usageError(io, since.error, STATS_USAGE);
  return { brand: values.brand, since: since.since, until, stage: values.stage, json: values.json };
}

function formatStats(request: StatsRequest, stats: RedirectLogStats, target: string): string {
  const heading = `${request.brand}: ${stats.total} redirect logs from ${request.since.toISOString()} to ${request.until.toISOString()} (${target})`;
  if (stats.total === 0) {
    return heading;
  }

  const sections = (Object.keys(stats.counts) as StatsDimension[]).map((dimension) => {
    const rows = stats.counts[dimension].map(({ value, count }) => [cell(value), String(count), `${((100 * count) / stats.total).toFixed(1)}%`]);
    return formatTable([dimension, 'count', 'share'], rows);
  });
  return [heading, ...sections].join('\n\n');
}
