import { GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { connectOrStartEmbedded } from '../../local/embeddedRuntime';
import { DynamoRedirectLogStore } from '../../redirect-logging/dynamoRedirectLogStore';
import type { RedirectLogReader } from '../../redirect-logging/redirectLogStore';
import { createDynamoDocumentClient, createSqsClient } from '../../shared/awsClients';
import { loadConfig } from '../../shared/config';
import type { FormRouterConfig } from '../../shared/config';

/** The redirect queue a replay sends to. */
export interface RedirectQueue {
  client: SQSClient;
  queueUrl: string;
}

/** The log table and the redirect queue that the logs commands work on. */
export interface LogsBackend {
  reader: RedirectLogReader;
  /** Resolves the redirect queue; throws when the target has none. */
  openQueue(): Promise<RedirectQueue>;
  /** Target of the commands, for messages: `local` or `stage <name>`. */
  target: string;
  /**
   * Releases the clients. When this process started its own stand-ins, it first waits for the
   * local poller to store what a replay sent, because the local queue lives in this process's memory.
   */
  close(): Promise<void>;
}

/** Opens the backend of a command: the embedded default without a stage, the deployed stack with one. */
export type OpenLogsBackend = (stage: string | undefined) => Promise<LogsBackend>;

/**
 * Opens the embedded default (a running `npm start`, or stand-ins of this process) when `stage` is
 * undefined. With a stage, opens the stage's log table in AWS (`form-router-<stage>-redirect-logs`
 * unless FORM_ROUTER_LOGS_TABLE names another) and its queue (FORM_ROUTER_REDIRECT_QUEUE_URL, or
 * the URL of `form-router-<stage>-redirect-events`), with the default AWS credentials.
 */
export const openLogsBackend: OpenLogsBackend = async (stage) => {
  if (stage === undefined) {
    return openEmbedded();
  }

  const config = loadConfig({ FORM_ROUTER_LOGS_TABLE: `form-router-${stage}-redirect-logs`, ...process.env });
  const documentClient = createDynamoDocumentClient(config);
  const sqsClient = createSqsClient(config);
  const openQueue = async () => ({ client: sqsClient, queueUrl: config.redirectQueueUrl ?? (await stageQueueUrl(sqsClient, stage)) });

  return backendOn(config, documentClient, sqsClient, openQueue, `stage ${stage}`, async () => undefined);
};

async function openEmbedded(): Promise<LogsBackend> {
  const runtime = await connectOrStartEmbedded();
  const { config } = runtime;
  const documentClient = createDynamoDocumentClient(config);
  const sqsClient = createSqsClient(config);
  const openQueue = async () => {
    if (config.redirectQueueUrl === undefined) {
      throw new Error('The running instance records no redirect queue; restart npm start so that it records one');
    }
    return { client: sqsClient, queueUrl: config.redirectQueueUrl };
  };

  return backendOn(config, documentClient, sqsClient, openQueue, 'local', () => runtime.close());
}

function backendOn(
  config: FormRouterConfig,
  documentClient: DynamoDBDocumentClient,
  sqsClient: SQSClient,
  openQueue: () => Promise<RedirectQueue>,
  target: string,
  closeRuntime: () => Promise<void>,
): LogsBackend {
  const reader = new DynamoRedirectLogStore({ tableName: config.logsTable, client: documentClient, retentionDays: config.logRetentionDays });
  const close = async () => {
    await closeRuntime();
    documentClient.destroy();
    sqsClient.destroy();
  };

  return { reader, openQueue, target, close };
}

async function stageQueueUrl(client: SQSClient, stage: string): Promise<string> {
  const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: `form-router-${stage}-redirect-events` }));
  if (!QueueUrl) {
    throw new Error(`GetQueueUrl returned no URL for queue form-router-${stage}-redirect-events`);
  }

  return QueueUrl;
}
