import type * as DiffCommand from './diff';
import type * as ExplainCommand from './explain';
import type * as HistoryCommand from './history';
import type * as PublishCommand from './publish';
import type * as RollbackCommand from './rollback';
import type * as TestCommand from './test';
import type * as ValidateCommand from './validate';
import { EXIT } from '../main';

/** A `rules` subcommand: parses its own arguments and returns the exit code. */
type Subcommand = (args: string[]) => Promise<number>;

/**
 * Each subcommand's module, loaded on first use so that `validate` and `test` never load the AWS
 * SDK. These use `require` because TypeScript checks an extensionless `import()` under
 * `module: nodenext` as an ECMAScript import and rejects it (TS2835).
 */
const SUBCOMMANDS: Record<string, () => Subcommand> = {
  validate: () => (require('./validate') as typeof ValidateCommand).run,
  test: () => (require('./test') as typeof TestCommand).run,
  diff: () => (require('./diff') as typeof DiffCommand).run,
  explain: () => (require('./explain') as typeof ExplainCommand).run,
  publish: () => (require('./publish') as typeof PublishCommand).run,
  rollback: () => (require('./rollback') as typeof RollbackCommand).run,
  history: () => (require('./history') as typeof HistoryCommand).run,
};

export const RULES_USAGE = `Usage: form-router rules <command> [options]

Commands:
  validate [brand]   check rule sets in rules/ for errors and warnings, without publishing
  test [brand]       run the expectations of rule sets in rules/ against their compiled tables
  diff <brand>       show which inputs rules/<brand>/ would route differently from the active version
  explain            show why a brand, product, ZIP and language go to a form
  publish <brand>    validate, test and activate rules/<brand>/ as a new version
  rollback <brand>   activate an earlier version again
  history <brand>    list the publish and rollback runs of a brand

Run "form-router rules <command> --help" for the options of a command.
Exit codes: 0 success; 1 failure; 2 usage error; 3 invalid rules.`;

/** `form-router rules <command>`: dispatches to the subcommand and returns its exit code. */
export async function runRulesCommand(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? console.error : console.log)(RULES_USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }

  const load = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (load === undefined) {
    console.error(`Unknown rules command "${name}"; expected one of: ${Object.keys(SUBCOMMANDS).join(', ')}\n\n${RULES_USAGE}`);
    return EXIT.usage;
  }

  return load()(rest);
}
