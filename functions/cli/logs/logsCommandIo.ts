import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { EXIT } from '../main';
import { openLogsBackend } from './logsBackend';
import type { OpenLogsBackend } from './logsBackend';

/** Output, input and backend of a logs command; tests pass their own. */
export interface LogsCommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  openBackend: OpenLogsBackend;
  readTextFile: (path: string) => string;
  now: () => Date;
}

export const PROCESS_IO: LogsCommandIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  openBackend: openLogsBackend,
  readTextFile: (path) => readFileSync(path, 'utf8'),
  now: () => new Date(),
};

/** Options every logs command accepts. */
export const COMMON_OPTIONS = {
  stage: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Stage names as the deployed resource names use them (`form-router-<stage>-...`). */
const STAGE_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;

/** Prints a usage error with the command's usage and returns exit code 2. */
export function usageError(io: LogsCommandIo, message: string, usage: string): number {
  io.err(`${message}\n\n${usage}`);

  return EXIT.usage;
}

/** Parses `args` against `options` (strict: unknown options are errors); returns the usage error's message when they do not fit. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { ok: true, values, positionals } as const;
  } catch (error) {
    return { ok: false, error: (error as Error).message } as const;
  }
}

/** Returns the usage error's message for an invalid `--stage`, or `undefined` when it is valid or absent. */
export function stageError(stage: string | undefined): string | undefined {
  if (stage === undefined || STAGE_PATTERN.test(stage)) {
    return undefined;
  }

  return `Invalid --stage "${stage}": expected lower-case letters, digits and hyphens, starting with a letter, at most 20 characters`;
}
