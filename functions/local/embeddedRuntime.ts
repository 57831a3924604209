import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../shared/config';
import type { FormRouterConfig } from '../shared/config';
import { logsTableDefinition, rulesTableDefinition } from '../shared/tables';
import { ensureTables, startDynalite } from './dynaliteServer';
import { readRunningInstance } from './runningInstance';
import type { RunningInstance } from './runningInstance';

/** The local stand-ins of the AWS services and the configuration that points at them. */
export interface EmbeddedRuntime {
  config: FormRouterConfig;
  /** True when this process started the stand-ins; false when it connected to a running `npm start`. */
  owned: boolean;
  /** Endpoints to record for other processes; only meaningful when `owned`. */
  instance: Omit<RunningInstance, 'pid' | 'httpUrl'>;
  close(): Promise<void>;
}

export interface EmbeddedRuntimeOptions {
  /** Folder of dynalite's LevelDB files; in memory when `undefined`. */
  dataDir?: string;
  dynamoPort?: number;
}

/** The git-ignored folder that keeps local data between runs. */
export const DEFAULT_DATA_DIR = resolve(__dirname, '../../.data');

/** Starts dynalite (and the other stand-ins) on loopback and creates the tables. */
export async function startEmbeddedRuntime(options: EmbeddedRuntimeOptions = {}): Promise<EmbeddedRuntime> {
  const dynamoPath = options.dataDir === undefined ? undefined : resolve(options.dataDir, 'dynamodb');
  if (dynamoPath) {
    mkdirSync(dynamoPath, { recursive: true });
  }

  const dynamo = await startDynalite({ path: dynamoPath, port: options.dynamoPort });
  const config = loadConfig({ ...process.env, FORM_ROUTER_DYNAMODB_ENDPOINT: dynamo.endpoint });
  await ensureTables(dynamo.endpoint, [rulesTableDefinition(config.rulesTable), logsTableDefinition(config.logsTable)]);

  return {
    config,
    owned: true,
    instance: { dynamodbEndpoint: dynamo.endpoint },
    close: () => dynamo.close(),
  };
}

/**
 * Connects to the `npm start` that owns `dataDir` when one runs, and otherwise starts this
 * process's own stand-ins on that folder.
 */
export async function connectOrStartEmbedded(dataDir: string = DEFAULT_DATA_DIR): Promise<EmbeddedRuntime> {
  const running = readRunningInstance(dataDir);
  if (!running) {
    return startEmbeddedRuntime({ dataDir });
  }

  const config = loadConfig({
    ...process.env,
    FORM_ROUTER_DYNAMODB_ENDPOINT: running.dynamodbEndpoint,
    ...(running.sqsEndpoint ? { FORM_ROUTER_SQS_ENDPOINT: running.sqsEndpoint } : {}),
    ...(running.redirectQueueUrl ? { FORM_ROUTER_REDIRECT_QUEUE_URL: running.redirectQueueUrl } : {}),
  });
  const { pid: _pid, httpUrl: _httpUrl, ...instance } = running;
  return { config, owned: false, instance, close: async () => undefined };
}
