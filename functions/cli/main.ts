/**
 * Entry point of the `form-router` command line. Each command group lives in its own module and
 * returns the process exit code: 0 success, 1 failure, 2 usage error, 3 invalid rules.
 */
import { logger } from '../shared/logger';
import { runLogsCommand } from './logs/logsCommand';
import { runRulesCommand } from './rules/rulesCommand';

export const EXIT = { ok: 0, failure: 1, usage: 2, invalidRules: 3 } as const;

export type CommandGroup = (args: string[]) => Promise<number>;

const GROUPS: Record<string, CommandGroup> = {
  rules: runRulesCommand,
  logs: runLogsCommand,
};

const USAGE = `Usage: form-router <group> <command> [options]

Groups:
  rules   validate, test, diff, publish, roll back and explain rule sets
  logs    read, summarise and replay redirect logs

Run "form-router <group> --help" for the commands of a group.`;

export async function main(argv: string[]): Promise<number> {
  // The pinned AWS SDK runs on Node.js 20; its notice about releases after January 2027 would
  // precede every command's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Structured logs go to stdout with the command's own output; below WARN they only add noise.
  if (process.env.POWERTOOLS_LOG_LEVEL === undefined) {
    logger.setLogLevel('WARN');
  }
  const [group, ...rest] = argv;
  if (group === undefined || group === '--help' || group === '-h') {
    console.log(USAGE);
    return group === undefined ? EXIT.usage : EXIT.ok;
  }

  const run = Object.hasOwn(GROUPS, group) ? GROUPS[group] : undefined;
  if (!run) {
    console.error(`Unknown command group "${group}"; expected one of: ${Object.keys(GROUPS).join(', ')}`);
    return EXIT.usage;
  }
  return run(rest);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = EXIT.failure;
    },
  );
}
