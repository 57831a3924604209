import { PublishError } from '../../publishing/publishErrors';
import type { PublishResult } from '../../publishing/publishResult';
import { HELP_AND_JSON, PROCESS_OUTPUT, printJson } from '../cliOptions';
import type { CliOutput } from '../cliOptions';
import { EXIT } from '../main';
import { openPublishBackend } from './publishBackend';
import type { OpenPublishBackend } from './publishBackend';

/** Output and backend of the publish, rollback and history commands; tests pass their own. */
export interface PublishCommandIo extends CliOutput {
  openBackend: OpenPublishBackend;
}

export const PROCESS_PUBLISH_IO: PublishCommandIo = { ...PROCESS_OUTPUT, openBackend: openPublishBackend };

/** Options of the publish, rollback and history commands besides their own. */
export const PUBLISH_COMMAND_OPTIONS = { ...HELP_AND_JSON, stage: { type: 'string' } } as const;

/** Returns the exit code of a publish or rollback result: 0 done or started, 1 failed, 3 rule set rejected. */
export function exitCodeOf(result: PublishResult): number {
  if (result.outcome === 'rejected') return EXIT.invalidRules;
  if (result.outcome === 'failed') return EXIT.failure;

  return EXIT.ok;
}

/**
 * Prints a publishing error (a rollback that is not possible, a stage without a state machine, a
 * start that Step Functions rejected) and returns exit code 1. Rethrows anything else.
 */
export function reportPublishError(io: CliOutput, error: unknown): number {
  if (!(error instanceof PublishError)) throw error;

  io.err(error.message);
  return EXIT.failure;
}

/** Prints a publish or rollback result as text, or as JSON with `--json`. */
export function printResult(io: CliOutput, result: PublishResult, json: boolean, stage: string | undefined): void {
  if (json) {
    printJson(io, result);
    return;
  }

  const { brand, version, previousVersion } = result;
  const replaced = previousVersion === null ? 'no earlier version' : `version ${previousVersion}`;
  switch (result.outcome) {
    case 'activated':
      io.out(`${brand}: version ${version} is active, replacing ${replaced}.${describeDiff(result)}`);
      break;
    case 'unchanged':
      io.out(`${brand}: version ${version} is already active with this content; nothing changed.`);
      break;
    case 'started':
      io.out(`${brand}: run ${result.publishId} started as ${result.executionArn}\nFollow it with: form-router rules history ${brand} --stage ${stage}`);
      break;
    default:
      io.err(`${brand}: ${result.outcome === 'rejected' ? 'rule set rejected' : 'run failed'} (${result.errorName}); the active version is unchanged.`);
      io.err(result.errors.join('\n'));
  }
}

function describeDiff(result: PublishResult): string {
  const summary = result.diffSummary;
  if (summary === undefined) {
    return '';
  }

  return ` ${summary.changedInputs} input(s) change form, ${summary.ruleOnlyChanges} change rule only.`;
}
