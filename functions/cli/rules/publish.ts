import path from 'node:path';
import { checkActivationTime } from '../../publishing/activationTime';
import { publishBrand } from '../../publishing/publishBrand';
import { InvalidPublishRunError } from '../../publishing/publishErrors';
import { RULES_DIR, loadRuleSet } from '../../ruleset/loadRuleSet';
import type { RuleSet } from '../../ruleset/ruleSet';
import { RuleSetError } from '../../ruleset/errors';
import { EXIT } from '../main';
import { parseCommand, usageError } from '../cliOptions';
import { PROCESS_PUBLISH_IO, PUBLISH_COMMAND_OPTIONS, exitCodeOf, printResult, reportPublishError } from './publishCommandIo';
import type { PublishCommandIo } from './publishCommandIo';
import { selectBrands } from './loadBrand';
import { currentActor } from './publishBackend';

export const PUBLISH_USAGE = `Usage: form-router rules publish <brand> [options]

Validates, tests, compiles and diffs rules/<brand>/, stores it as a new version and activates it,
through the publish workflow. Content equal to the active version publishes nothing.

Options:
  --at <time>          activate at this RFC 3339 time (e.g. 2030-01-31T09:00:00Z), at most 14 days
                       ahead; without --stage the command waits until then
  --rules-dir <dir>    folder of rule sets (default: the repository's rules/)
  --stage <name>       start the workflow deployed as stage <name> instead of the embedded default
  --json               print the result as JSON
  -h, --help           show this help

Exit codes: 0 activated, unchanged or started; 1 failure; 2 usage error; 3 invalid rules.`;

const OPTIONS = { ...PUBLISH_COMMAND_OPTIONS, at: { type: 'string' }, 'rules-dir': { type: 'string' } } as const;

/** `form-router rules publish <brand>`: returns the exit code. */
export function run(args: string[]): Promise<number> {
  return runPublish(args, PROCESS_PUBLISH_IO);
}

/** Runs the publish command with the given output and backend, as tests do. */
export async function runPublish(args: string[], io: PublishCommandIo): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, 1);
  if (!parsed.ok) return usageError(io, parsed.error, PUBLISH_USAGE);
  const { values, positionals } = parsed;
  const brand = positionals[0];
  if (values.help) {
    io.out(PUBLISH_USAGE);
    return EXIT.ok;
  }
  if (brand === undefined) return usageError(io, 'Missing the brand id', PUBLISH_USAGE);
  const rulesDir = values['rules-dir'] ?? RULES_DIR;
  const selected = selectBrands(rulesDir, brand);
  if ('error' in selected) return usageError(io, selected.error, PUBLISH_USAGE);
  const activateAt = values.at === undefined ? undefined : readActivationTime(brand, values.at);
  if (activateAt instanceof InvalidPublishRunError) return usageError(io, `Invalid --at: ${activateAt.problem}`, PUBLISH_USAGE);

  const loaded = loadForPublish(io, rulesDir, brand);
  return loaded === undefined ? EXIT.invalidRules : publishWith(io, { ruleSet: loaded, activateAt, stage: values.stage, json: values.json });
}

async function publishWith(io: PublishCommandIo, request: { ruleSet: RuleSet; activateAt?: string; stage?: string; json: boolean }): Promise<number> {
  const backend = await io.openBackend(request.stage).catch((error: unknown) => reportPublishError(io, error));
  if (typeof backend === 'number') return backend;

  try {
    const { ruleSet, activateAt } = request;
    if (activateAt !== undefined && request.stage === undefined) {
      io.err(`Checking and storing ${ruleSet.settings.brand}, then waiting until ${activateAt} to activate it; keep this command running.`);
    }
    const result = await publishBrand({ ruleSet, actor: currentActor(), activateAt, store: backend.store, runner: backend.runner });
    printResult(io, result, request.json, request.stage);
    return exitCodeOf(result);
  } catch (error) {
    return reportPublishError(io, error);
  } finally {
    await backend.close();
  }
}

/** Loads the brand's rule set, or prints why it cannot be read and returns `undefined`. */
function loadForPublish(io: PublishCommandIo, rulesDir: string, brand: string): RuleSet | undefined {
  try {
    return loadRuleSet(path.join(rulesDir, brand));
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    io.err(error.message);
    return undefined;
  }
}

function readActivationTime(brand: string, text: string): string | InvalidPublishRunError {
  try {
    return checkActivationTime(brand, text, new Date());
  } catch (error) {
    if (!(error instanceof InvalidPublishRunError)) throw error;
    return error;
  }
}
