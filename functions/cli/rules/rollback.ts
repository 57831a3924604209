import { rollbackBrand } from '../../publishing/rollbackBrand';
import { EXIT } from '../main';
import { parseCommand, usageError } from '../cliOptions';
import { PROCESS_PUBLISH_IO, PUBLISH_COMMAND_OPTIONS, exitCodeOf, printResult, reportPublishError } from './publishCommandIo';
import type { PublishCommandIo } from './publishCommandIo';
import { currentActor } from './publishBackend';

export const ROLLBACK_USAGE = `Usage: form-router rules rollback <brand> [options]

Activates an earlier stored version of <brand> through the publish workflow, which records it in
the history. Without --to, activates the version that the active one replaced.

Options:
  --to <version>       the version number to activate
  --stage <name>       start the workflow deployed as stage <name> instead of the embedded default
  --json               print the result as JSON
  -h, --help           show this help

Exit codes: 0 rolled back, unchanged or started; 1 failure; 2 usage error.`;

const OPTIONS = { ...PUBLISH_COMMAND_OPTIONS, to: { type: 'string' } } as const;

/** `form-router rules rollback <brand>`: returns the exit code. */
export function run(args: string[]): Promise<number> {
  return runRollback(args, PROCESS_PUBLISH_IO);
}

/** Runs the rollback command with the given output and backend, as tests do. */
export async function runRollback(args: string[], io: PublishCommandIo): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, 1);
  if (!parsed.ok) return usageError(io, parsed.error, ROLLBACK_USAGE);
  const { values, positionals } = parsed;
  const brand = positionals[0];
  if (values.help) {
    io.out(ROLLBACK_USAGE);
    return EXIT.ok;
  }
  if (brand === undefined) return usageError(io, 'Missing the brand id', ROLLBACK_USAGE);
  const toVersion = values.to === undefined ? undefined : Number(values.to);
  if (toVersion !== undefined && !(Number.isSafeInteger(toVersion) && toVersion >= 1)) {
    return usageError(io, `Invalid --to "${values.to}": expected a version number such as 3`, ROLLBACK_USAGE);
  }

  return rollbackWith(io, { brand, toVersion, stage: values.stage, json: values.json });
}

async function rollbackWith(io: PublishCommandIo, request: { brand: string; toVersion?: number; stage?: string; json: boolean }): Promise<number> {
  const backend = await io.openBackend(request.stage).catch((error: unknown) => reportPublishError(io, error));
  if (typeof backend === 'number') return backend;

  try {
    const { brand, toVersion } = request;
    const result = await rollbackBrand({ brand, toVersion, actor: currentActor(), store: backend.store, runner: backend.runner });
    printResult(io, result, request.json, request.stage);
    return exitCodeOf(result);
  } catch (error) {
    return reportPublishError(io, error);
  } finally {
    await backend.close();
  }
}
