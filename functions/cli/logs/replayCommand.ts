import { EXIT } from '../main';
import { COMMON_OPTIONS, parseCommandArgs, stageError, usageError } from './logsCommandIo';
import type { LogsCommandIo } from './logsCommandIo';
import { planReplay, sendEvents } from './replayUnsentEvents';
import type { FailedSend, ReplayPlan } from './replayUnsentEvents';

export const REPLAY_USAGE = `Usage: form-router logs replay <file> [options]

Reads a structured log (JSON lines, one record per line, any prefix before the JSON is ignored),
selects the redirect events that were logged as unsent ("redirect_event_unsent"), checks each one
and sends it to the redirect queue. Replaying a file twice stores nothing twice: the log writer
keeps one item per event id.

Options:
  --stage <name>       send to the queue of stage <name> in AWS instead of the embedded default
  --json               print the summary as JSON
  -h, --help           show this help

Exit codes: 0 every unsent event sent; 1 an event was invalid or not sent, or the file could not
be read; 2 usage error.`;

interface ReplayRequest {
  file: string;
  stage: string | undefined;
  json: boolean;
}

/** `form-router logs replay`: returns the exit code. */
export async function runReplay(args: string[], io: LogsCommandIo): Promise<number> {
  const request = readReplayRequest(args, io);
  if (typeof request === 'number') {
    return request;
  }

  let text: string;
  try {
    text = io.readTextFile(request.file);
  } catch (error) {
    io.err(`Cannot read ${request.file}: ${(error as Error).message}`);
    return EXIT.failure;
  }

  const plan = planReplay(text);
  const failed = plan.events.length === 0 ? [] : await sendPlanned(plan, request, io);
  io.out(request.json ? JSON.stringify(replayReport(request.file, plan, failed), null, 2) : formatReplay(plan, failed));
  return plan.invalid.length === 0 && failed.length === 0 ? EXIT.ok : EXIT.failure;
}

/** Returns the request, or the exit code after printing help or a usage error. */
function readReplayRequest(args: string[], io: LogsCommandIo): ReplayRequest | number {
  const parsed = parseCommandArgs(args, COMMON_OPTIONS);
  if (!parsed.ok) return usageError(io, parsed.error, REPLAY_USAGE);
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(REPLAY_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) return usageError(io, `Expected one log file, got ${positionals.length}`, REPLAY_USAGE);
  const invalidStage = stageError(values.stage);
  if (invalidStage) return usageError(io, invalidStage, REPLAY_USAGE);

  return { file: positionals[0] ?? '', stage: values.stage, json: values.json };
}

async function sendPlanned(plan: ReplayPlan, request: ReplayRequest, io: LogsCommandIo): Promise<FailedSend[]> {
  const backend = await io.openBackend(request.stage);
  try {
    return await sendEvents(plan.events, await backend.openQueue());
  } finally {
    await backend.close();
  }
}

function replayReport(file: string, plan: ReplayPlan, failed: FailedSend[]) {
  return {
    file,
    linesRead: plan.linesRead,
    unsentEvents: plan.events.length,
    repeatedLines: plan.repeatedLines,
    invalid: plan.invalid,
    sent: plan.events.length - failed.length,
    failed,
  };
}

function formatReplay(plan: ReplayPlan, failed: FailedSend[]): string {
  const lines = [
    `Read ${plan.linesRead} lines: ${plan.events.length} unsent redirect events, ${plan.repeatedLines} repeated, ${plan.invalid.length} invalid.`,
    `Sent ${plan.events.length - failed.length} of ${plan.events.length} events to the redirect queue.`,
    ...plan.invalid.map(({ line, problem }) => `line ${line}: ${problem}`),
    ...failed.map(({ eventId, reason }) => `not sent ${eventId}: ${reason}; run the replay again`),
  ];

  return lines.join('\n');
}
