import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReadCommandIo } from '../../../functions/cli/cliOptions';
import { ensureTables, startDynalite } from '../../../functions/local/dynaliteServer';
import type { LocalDynamo } from '../../../functions/local/dynaliteServer';
import { DynamoRedirectLogStore } from '../../../functions/redirect-logging/dynamoRedirectLogStore';
import { DynamoRuleStore } from '../../../functions/rule-store/dynamoRuleStore';
import type { RuleSet } from '../../../functions/ruleset/ruleSet';
import { filesFromRuleSet } from '../../../functions/ruleset/ruleSetFiles';
import { createDynamoDocumentClient } from '../../../functions/shared/awsClients';
import { loadConfig } from '../../../functions/shared/config';
import { logsTableDefinition, rulesTableDefinition } from '../../../functions/shared/tables';

/** What a command printed, one entry per call. */
export interface CapturedOutput {
  stdout: string[];
  stderr: string[];
  out(text: string): void;
  err(text: string): void;
  /** Parses everything printed on stdout as one JSON document. */
  json<T = Record<string, unknown>>(): T;
}

export function captureOutput(): CapturedOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];

  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    json: <T>() => JSON.parse(stdout.join('\n')) as T,
  };
}

/** Dynalite on 127.0.0.1 with the rules and logs tables, and the stores on it. */
export interface ReadBackendHarness {
  dynamo: LocalDynamo;
  client: DynamoDBDocumentClient;
  store: DynamoRuleStore;
  logs: DynamoRedirectLogStore;
  /** Captured output whose backend is this harness. */
  io(): CapturedOutput & ReadCommandIo;
  close(): Promise<void>;
}

export async function startReadBackend(): Promise<ReadBackendHarness> {
  const dynamo = await startDynalite();
  await ensureTables(dynamo.endpoint, [rulesTableDefinition('rules'), logsTableDefinition('logs')]);
  const client = createDynamoDocumentClient(loadConfig({ FORM_ROUTER_DYNAMODB_ENDPOINT: dynamo.endpoint }));
  const store = new DynamoRuleStore({ tableName: 'rules', client });
  const logs = new DynamoRedirectLogStore({ tableName: 'logs', client });

  return {
    dynamo,
    client,
    store,
    logs,
    io: () => ({ ...captureOutput(), openBackend: async () => ({ store, logs, target: 'local', close: async () => undefined }) }),
    close: async () => {
      client.destroy();
      await dynamo.close();
    },
  };
}

/** A temporary rules folder; `write` lays a rule set out as the four files of `<brand>/`. */
export interface RulesFolder {
  dir: string;
  write(ruleSet: RuleSet): void;
  writeFile(brand: string, file: string, text: string): void;
  remove(): void;
}

export function createRulesFolder(): RulesFolder {
  const dir = mkdtempSync(path.join(tmpdir(), 'form-router-rules-'));
  const writeFile = (brand: string, file: string, text: string) => {
    mkdirSync(path.join(dir, brand), { recursive: true });
    writeFileSync(path.join(dir, brand, file), text);
  };

  return {
    dir,
    write: (ruleSet) => {
      for (const [file, content] of Object.entries(filesFromRuleSet(ruleSet))) writeFile(ruleSet.settings.brand, file, JSON.stringify(content, null, 2));
    },
    writeFile,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
