import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { connectOrStartEmbedded } from '../local/embeddedRuntime';
import { DynamoRedirectLogStore } from '../redirect-logging/dynamoRedirectLogStore';
import type { RedirectLogReader } from '../redirect-logging/redirectLogStore';
import { DynamoRuleStore } from '../rule-store/dynamoRuleStore';
import type { RuleStore } from '../rule-store/ruleStore';
import { createDynamoDocumentClient } from '../shared/awsClients';
import { loadConfig } from '../shared/config';
import type { FormRouterConfig } from '../shared/config';
import { EXIT } from './main';

/** Output streams of a command; tests pass their own. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The stored versions and redirect logs a read-only command works on. */
export interface ReadBackend {
  store: RuleStore;
  logs: RedirectLogReader;
  /** `local` or `stage <name>`, for messages. */
  target: string;
  close(): Promise<void>;
}

/** Opens the read backend: the embedded default without a stage, the stage's tables in AWS with one. */
export type OpenReadBackend = (stage: string | undefined) => Promise<ReadBackend>;

export interface ReadCommandIo extends CliOutput {
  openBackend: OpenReadBackend;
}

/** Options every `rules` command accepts. */
export const HELP_AND_JSON = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export type ParsedCommand<O extends NonNullable<ParseArgsConfig['options']>> =
  | { ok: true; values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values']; positionals: string[] }
  | { ok: false; error: string };

/** Parses `args` strictly against `options`; returns the parser's message when they do not fit or there are too many positionals. */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, maxPositionals: number): ParsedCommand<O> {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    if (positionals.length > maxPositionals) {
      return { ok: false, error: `Unexpected argument "${positionals[maxPositionals]}"` };
    }

    return { ok: true, values, positionals };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Prints a usage error followed by the command's usage and returns exit code 2. */
export function usageError(io: CliOutput, message: string, usage: string): number {
  io.err(`${message}\n\n${usage}`);

  return EXIT.usage;
}

/** Prints a value as indented JSON. */
export function printJson(io: CliOutput, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

export const PROCESS_OUTPUT: CliOutput = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

/**
 * Opens the embedded default (a running `npm start`, or stand-ins of this process on its data
 * folder) when `stage` is undefined. With a stage, opens that stage's tables in AWS,
 * `form-router-<stage>-rules` and `form-router-<stage>-redirect-logs`, unless
 * FORM_ROUTER_RULES_TABLE or FORM_ROUTER_LOGS_TABLE names others.
 */
export const openReadBackend: OpenReadBackend = async (stage) => {
  if (stage !== undefined) {
    const config = loadConfig({ FORM_ROUTER_RULES_TABLE: `form-router-${stage}-rules`, FORM_ROUTER_LOGS_TABLE: `form-router-${stage}-redirect-logs`, ...process.env });
    const client = createDynamoDocumentClient(config);
    return { ...storesOn(config, client), target: `stage ${stage}`, close: async () => client.destroy() };
  }

  const runtime = await connectOrStartEmbedded();
  const client = createDynamoDocumentClient(runtime.config);
  const close = async () => {
    client.destroy();
    await runtime.close();
  };
  return { ...storesOn(runtime.config, client), target: 'local', close };
};

export const PROCESS_READ_IO: ReadCommandIo = { ...PROCESS_OUTPUT, openBackend: openReadBackend };

function storesOn(config: FormRouterConfig, client: DynamoDBDocumentClient): Pick<ReadBackend, 'store' | 'logs'> {
  return {
    store: new DynamoRuleStore({ tableName: config.rulesTable, client }),
    logs: new DynamoRedirectLogStore({ tableName: config.logsTable, client, retentionDays: config.logRetentionDays }),
  };
}
