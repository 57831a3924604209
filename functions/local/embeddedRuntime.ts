import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../shared/config';
import type { FormRouterConfig } from '../shared/config';
import { createDynamoDocumentClient, createSqsClient } from '../shared/awsClients';
import { logger } from '../shared/logger';
import { logsTableDefinition, rulesTableDefinition } from '../shared/tables';
import { DynamoRedirectLogStore } from '../redirect-logging/dynamoRedirectLogStore';
import { createLogWriterHandler } from '../redirect-logging/logWriterHandler';
import { ensureTables, startDynalite } from './dynaliteServer';
import type { LocalDynamo } from './dynaliteServer';
import { SqsPoller } from './sqsPoller';
import { createRedirectQueues, startLocalSqs } from './sqsServer';
import type { LocalSqs, RedirectQueueSettings, RedirectQueues } from './sqsServer';
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
  /** Port of local-aws-sqs; 0 or `undefined` picks a free one. */
  sqsPort?: number;
  /** Overrides of `LOCAL_REDIRECT_QUEUE`, e.g. a shorter visibility timeout in tests. */
  redirectQueue?: Partial<RedirectQueueSettings>;
  /** Poll the redirect queue into the log table; default true. Benchmarks turn it off to time the producer alone. */
  startLogWriter?: boolean;
}

/**
 * The local redirect queue. Its redrive policy matches the deployed one. Its visibility timeout is
 * shorter than in AWS, so a failed message comes back within seconds on a laptop.
 */
export const LOCAL_REDIRECT_QUEUE: RedirectQueueSettings = {
  queueName: 'form-router-redirect-events',
  deadLetterQueueName: 'form-router-redirect-events-dlq',
  maxReceiveCount: 5,
  visibilityTimeoutSeconds: 5,
};

/** Milliseconds `close()` waits for the poller to store what is still in the in-memory queue. */
const DRAIN_TIMEOUT_MS = 10_000;

/** The git-ignored folder that keeps local data between runs. */
export const DEFAULT_DATA_DIR = resolve(__dirname, '../../.data');

/**
 * Starts dynalite and local-aws-sqs on loopback, creates the tables and the redirect queues, and
 * polls the queue into the log writer. `close()` lets the poller empty the queue first, because
 * local-aws-sqs keeps messages in memory only.
 */
export async function startEmbeddedRuntime(options: EmbeddedRuntimeOptions = {}): Promise<EmbeddedRuntime> {
  const dynamoPath = options.dataDir === undefined ? undefined : resolve(options.dataDir, 'dynamodb');
  if (dynamoPath) {
    mkdirSync(dynamoPath, { recursive: true });
  }

  const dynamo = await startDynalite({ path: dynamoPath, port: options.dynamoPort });
  const sqs = await startLocalSqs({ port: options.sqsPort });
  const queues = await createRedirectQueues(sqs.endpoint, { ...LOCAL_REDIRECT_QUEUE, ...options.redirectQueue });
  const config = loadConfig({
    ...process.env,
    FORM_ROUTER_DYNAMODB_ENDPOINT: dynamo.endpoint,
    FORM_ROUTER_SQS_ENDPOINT: sqs.endpoint,
    FORM_ROUTER_REDIRECT_QUEUE_URL: queues.queueUrl,
  });
  await ensureTables(dynamo.endpoint, [rulesTableDefinition(config.rulesTable), logsTableDefinition(config.logsTable)]);
  const poller = options.startLogWriter === false ? undefined : await startLogWriterPoller(config);

  return {
    config,
    owned: true,
    instance: {
      dynamodbEndpoint: dynamo.endpoint,
      sqsEndpoint: sqs.endpoint,
      redirectQueueUrl: queues.queueUrl,
      deadLetterQueueUrl: queues.deadLetterQueueUrl,
    },
    close: () => closeStandIns(poller, queues, sqs, dynamo),
  };
}

/** Feeds the redirect queue into the same log-writer handler that runs in Lambda. */
function startLogWriterPoller(config: FormRouterConfig): Promise<SqsPoller> {
  const store = new DynamoRedirectLogStore({
    tableName: config.logsTable,
    client: createDynamoDocumentClient(config),
    retentionDays: config.logRetentionDays,
  });

  return SqsPoller.start({
    client: createSqsClient(config),
    queueUrl: config.redirectQueueUrl ?? '',
    handler: createLogWriterHandler(store),
    region: config.region,
  });
}

async function closeStandIns(poller: SqsPoller | undefined, queues: RedirectQueues, sqs: LocalSqs, dynamo: LocalDynamo): Promise<void> {
  // NOTE: messages still in the queue after the drain timeout (a table that keeps failing, or a
  // malformed message before it reaches the dead-letter queue) are lost with the process, and so
  // is the local dead-letter queue. The warning below names the queue so the loss is visible.
  const drained = (await poller?.drain(DRAIN_TIMEOUT_MS)) ?? true;
  if (!drained) {
    logger.warn('local redirect queue not empty at shutdown', { queueUrl: queues.queueUrl, drainTimeoutMs: DRAIN_TIMEOUT_MS });
  }

  await poller?.stop();
  await sqs.close();
  await dynamo.close();
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
