import { EXIT } from '../main';
import { PROCESS_IO } from './logsCommandIo';
import type { LogsCommandIo } from './logsCommandIo';
import { runRecent } from './recentCommand';
import { runReplay } from './replayCommand';
import { runStats } from './statsCommand';

export const LOGS_USAGE = `Usage: form-router logs <command> [options]

Commands:
  recent   list a brand's recent redirect logs, newest first
  stats    count a brand's redirect logs by outcome, rule, form, state and version
  replay   send the unsent redirect events of a structured log to the queue

Without --stage the commands use the running "npm start", or start the local stand-ins themselves.
Run "form-router logs <command> --help" for the options of a command.`;

const COMMANDS = new Map<string, (args: string[], io: LogsCommandIo) => Promise<number>>([
  ['recent', runRecent],
  ['stats', runStats],
  ['replay', runReplay],
]);

/**
 * Runs `form-router logs <command>` and returns the exit code: 0 success, 1 failure, 2 usage
 * error. A failure of the table or the queue (an unreachable stage, say) is printed and returns 1.
 */
export async function runLogsCommand(args: string[], io: LogsCommandIo = PROCESS_IO): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') {
    (command === undefined ? io.err : io.out)(LOGS_USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }

  const run = COMMANDS.get(command);
  if (run === undefined) {
    io.err(`Unknown logs command "${command}"; expected one of: ${[...COMMANDS.keys()].join(', ')}\n\n${LOGS_USAGE}`);
    return EXIT.usage;
  }

  try {
    return await run(rest, io);
  } catch (error) {
    io.err(`logs ${command} failed: ${(error as Error).message}`);
    return EXIT.failure;
  }
}
