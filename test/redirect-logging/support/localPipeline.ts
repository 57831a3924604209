import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTables, startDynalite } from '../../../functions/local/dynaliteServer';
import type { LocalDynamo } from '../../../functions/local/dynaliteServer';
import { SqsPoller } from '../../../functions/local/sqsPoller';
import type { SqsPollerOptions } from '../../../functions/local/sqsPoller';
import { createRedirectQueues, startLocalSqs } from '../../../functions/local/sqsServer';
import type { LocalSqs, RedirectQueueSettings, RedirectQueues } from '../../../functions/local/sqsServer';
import { DynamoRedirectLogStore } from '../../../functions/redirect-logging/dynamoRedirectLogStore';
import { createLogWriterHandler } from '../../../functions/redirect-logging/logWriterHandler';
import type { LogWriterHandler } from '../../../functions/redirect-logging/logWriterHandler';
import { createDynamoDocumentClient, createSqsClient } from '../../../functions/shared/awsClients';
import { loadConfig } from '../../../functions/shared/config';
import type { FormRouterConfig } from '../../../functions/shared/config';
import { logsTableDefinition } from '../../../functions/shared/tables';

/** local-aws-sqs, dynalite, the redirect queues and the log table, wired like the embedded runtime. */
export interface LocalPipeline {
  config: FormRouterConfig;
  sqs: LocalSqs;
  dynamo: LocalDynamo;
  queues: RedirectQueues;
  sqsClient: SQSClient;
  documentClient: DynamoDBDocumentClient;
  store: DynamoRedirectLogStore;
  /**
   * Starts a poller that feeds the queue into the log-writer handler; `wrapHandler` may put a
   * probe around the handler. `close()` stops it.
   */
  startPoller(wrapHandler?: (handler: LogWriterHandler) => SqsPollerOptions['handler']): Promise<SqsPoller>;
  createLogsTable(): Promise<void>;
  deleteLogsTable(): Promise<void>;
  countStoredItems(): Promise<number>;
  /** Polls the table until it contains `expected` items or `timeoutMs` passes; returns the last count. */
  waitForStoredItems(expected: number, timeoutMs: number): Promise<number>;
  /** Receives every visible message of a queue, waiting up to `timeoutMs` for `expected` of them. */
  receiveMessages(queueUrl: string, expected: number, timeoutMs: number): Promise<Message[]>;
  close(): Promise<void>;
}

export interface LocalPipelineOptions {
  /** Create the log table at start; default true. */
  withLogsTable?: boolean;
  queue?: Partial<RedirectQueueSettings>;
}

const TEST_QUEUE: RedirectQueueSettings = {
  queueName: 'redirect-events',
  deadLetterQueueName: 'redirect-events-dlq',
  maxReceiveCount: 3,
  visibilityTimeoutSeconds: 1,
};

export async function startLocalPipeline(options: LocalPipelineOptions = {}): Promise<LocalPipeline> {
  const dynamo = await startDynalite();
  const sqs = await startLocalSqs();
  const queues = await createRedirectQueues(sqs.endpoint, { ...TEST_QUEUE, ...options.queue });
  const config = loadConfig({
    FORM_ROUTER_DYNAMODB_ENDPOINT: dynamo.endpoint,
    FORM_ROUTER_SQS_ENDPOINT: sqs.endpoint,
    FORM_ROUTER_REDIRECT_QUEUE_URL: queues.queueUrl,
  });
  const sqsClient = createSqsClient(config);
  const documentClient = createDynamoDocumentClient(config);
  const store = new DynamoRedirectLogStore({ tableName: config.logsTable, client: documentClient });
  const pollers: SqsPoller[] = [];

  const pipeline: LocalPipeline = {
    config, sqs, dynamo, queues, sqsClient, documentClient, store,
    startPoller: async (wrapHandler = (handler) => handler) => {
      const handler = wrapHandler(createLogWriterHandler(store));
      const poller = await SqsPoller.start({ client: sqsClient, queueUrl: queues.queueUrl, handler, region: config.region });
      pollers.push(poller);
      return poller;
    },
    createLogsTable: () => ensureTables(dynamo.endpoint, [logsTableDefinition(config.logsTable)]),
    deleteLogsTable: () => deleteTable(dynamo.endpoint, config.logsTable),
    countStoredItems: () => countItems(documentClient, config.logsTable),
    waitForStoredItems: async (expected, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      let count = await countItems(documentClient, config.logsTable);
      while (count < expected && Date.now() < deadline) {
        await sleep(100);
        count = await countItems(documentClient, config.logsTable);
      }
      return count;
    },
    receiveMessages: (queueUrl, expected, timeoutMs) => receiveMessages(sqsClient, queueUrl, expected, timeoutMs),
    close: async () => {
      await Promise.all(pollers.map((poller) => poller.stop()));
      sqsClient.destroy();
      documentClient.destroy();
      await sqs.close();
      await dynamo.close();
    },
  };

  if (options.withLogsTable !== false) {
    await pipeline.createLogsTable();
  }
  return pipeline;
}

async function countItems(client: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, Select: 'COUNT', ExclusiveStartKey: startKey }));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return count;
}

async function deleteTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } finally {
    client.destroy();
  }
}

async function receiveMessages(client: SQSClient, queueUrl: string, expected: number, timeoutMs: number): Promise<Message[]> {
  const deadline = Date.now() + timeoutMs;
  const messages = new Map<string, Message>();
  while (messages.size < expected && Date.now() < deadline) {
    const { Messages } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 60, AttributeNames: ['All'] }),
    );
    for (const message of Messages ?? []) {
      messages.set(message.MessageId ?? '', message);
    }
    if ((Messages ?? []).length === 0) {
      await sleep(100);
    }
  }
  return [...messages.values()];
}

/** Polls `condition` every 50 ms until it is true or `timeoutMs` passes; returns its last value. */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) {
    await sleep(50);
  }

  return condition();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
