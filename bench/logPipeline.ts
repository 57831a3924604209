/**
 * Redirect log pipeline on the embedded default: events per second from the batching sink through
 * local-aws-sqs and the log-writer poller into dynalite, against the same events written straight
 * to dynalite with BatchWriteItem, the baseline. Both run in this process on the same dynalite.
 *
 * Run alone with `npx tsx bench/logPipeline.ts [--json]`, or with the others through `npm run bench`.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { ensureTables, startDynalite } from '../functions/local/dynaliteServer';
import { SqsPoller } from '../functions/local/sqsPoller';
import { createRedirectQueues, startLocalSqs } from '../functions/local/sqsServer';
import { createRedirectEventSink } from '../functions/redirect-logging/createRedirectEventSink';
import { DynamoRedirectLogStore } from '../functions/redirect-logging/dynamoRedirectLogStore';
import { createLogWriterHandler } from '../functions/redirect-logging/logWriterHandler';
import type { RedirectEvent } from '../functions/redirect-logging/redirectEvent';
import { DEFAULT_SHARD_COUNT, expiresAtOf, logKeyOf } from '../functions/redirect-logging/redirectLogKeys';
import { createDynamoDocumentClient, createSqsClient } from '../functions/shared/awsClients';
import { loadConfig } from '../functions/shared/config';
import type { FormRouterConfig } from '../functions/shared/config';
import { logger } from '../functions/shared/logger';
import { logsTableDefinition } from '../functions/shared/tables';
import { round } from './measure';

export interface LogPipelineFigures {
  events: number;
  /** Events per second from the first `send` until the log writer has stored the last event. */
  pipelineEventsPerSecond: number;
  /** Baseline: events per second of BatchWriteItem, 25 items per request, 4 requests in flight. */
  batchWriteEventsPerSecond: number;
  /** Pipeline throughput as a share of the baseline's. */
  throughputRatio: number;
  /** Events the sink wrote to the log instead of the queue; 0 unless the buffer filled. */
  unsentEvents: number;
}

const BATCH_WRITE_SIZE = 25;
const BATCH_WRITES_IN_FLIGHT = 4;
const STORE_TIMEOUT_MS = 120_000;

export async function benchLogPipeline(events = 5000): Promise<LogPipelineFigures> {
  logger.setLogLevel('ERROR');
  const dynamo = await startDynalite();
  const sqs = await startLocalSqs();
  const queues = await createRedirectQueues(sqs.endpoint, { queueName: 'bench-events', deadLetterQueueName: 'bench-events-dlq', maxReceiveCount: 5, visibilityTimeoutSeconds: 30 });
  const config = loadConfig({ FORM_ROUTER_DYNAMODB_ENDPOINT: dynamo.endpoint, FORM_ROUTER_SQS_ENDPOINT: sqs.endpoint, FORM_ROUTER_REDIRECT_QUEUE_URL: queues.queueUrl });
  await ensureTables(dynamo.endpoint, [logsTableDefinition('bench-direct'), logsTableDefinition(config.logsTable)]);
  const client = createDynamoDocumentClient(config);

  try {
    const direct = await timeBatchWrites(client, sampleEvents(events));
    const pipeline = await timePipeline(config, client, sampleEvents(events));
    const pipelineEventsPerSecond = events / pipeline.seconds;
    const batchWriteEventsPerSecond = events / direct;

    return {
      events,
      pipelineEventsPerSecond: round(pipelineEventsPerSecond, 0),
      batchWriteEventsPerSecond: round(batchWriteEventsPerSecond, 0),
      throughputRatio: round(pipelineEventsPerSecond / batchWriteEventsPerSecond, 3),
      unsentEvents: pipeline.unsent,
    };
  } finally {
    client.destroy();
    await sqs.close();
    await dynamo.close();
  }
}

/** Seconds to store the events as log items with BatchWriteItem, the same items the log writer writes. */
async function timeBatchWrites(client: DynamoDBDocumentClient, events: RedirectEvent[]): Promise<number> {
  const items = events.map((event) => ({ ...event, ...logKeyOf(event, DEFAULT_SHARD_COUNT), expiresAt: expiresAtOf(event, 90) }));
  const requests: (typeof items)[] = [];
  for (let start = 0; start < items.length; start += BATCH_WRITE_SIZE) {
    requests.push(items.slice(start, start + BATCH_WRITE_SIZE));
  }

  const started = process.hrtime.bigint();
  const writers = Array.from({ length: BATCH_WRITES_IN_FLIGHT }, async () => {
    for (let batch = requests.shift(); batch !== undefined; batch = requests.shift()) {
      await writeBatch(client, batch);
    }
  });
  await Promise.all(writers);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function writeBatch(client: DynamoDBDocumentClient, items: object[]): Promise<void> {
  let pending = items.map((Item) => ({ PutRequest: { Item } }));
  while (pending.length > 0) {
    const { UnprocessedItems } = await client.send(new BatchWriteCommand({ RequestItems: { 'bench-direct': pending } }));
    pending = (UnprocessedItems?.['bench-direct'] ?? []) as typeof pending;
  }
}

/** Seconds from the first send through the batching sink until the poller has stored every event. */
async function timePipeline(config: FormRouterConfig, client: DynamoDBDocumentClient, events: RedirectEvent[]): Promise<{ seconds: number; unsent: number }> {
  let stored = 0;
  let unsent = 0;
  const handler = createLogWriterHandler(new DynamoRedirectLogStore({ tableName: config.logsTable, client }));
  const sqsClient = createSqsClient(config);
  const poller = await SqsPoller.start({
    client: sqsClient,
    queueUrl: config.redirectQueueUrl ?? '',
    region: config.region,
    handler: async (event: SQSEvent) => {
      const response = await handler(event);
      stored += event.Records.length - response.batchItemFailures.length;
      return response;
    },
  });
  const sink = createRedirectEventSink(config, 'batching', { sqsClient, logger: { warn: () => unsent++ }, metrics: { addMetric: () => undefined, publishStoredMetrics: () => undefined } });

  const started = process.hrtime.bigint();
  for (const event of events) {
    await sink.send(event);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await sink.flush();
  const deadline = Date.now() + STORE_TIMEOUT_MS;
  while (stored + unsent < events.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  await poller.stop();
  sqsClient.destroy();
  if (stored + unsent < events.length) {
    throw new Error(`The pipeline stored ${stored} of ${events.length} events within ${STORE_TIMEOUT_MS} ms`);
  }
  return { seconds, unsent };
}

function sampleEvents(count: number): RedirectEvent[] {
  const start = Date.now() - count;

  return Array.from({ length: count }, (_, index) => ({
    eventId: randomUUID(),
    time: new Date(start + index).toISOString(),
    endpoint: 'redirect',
    brand: 'acme',
    product: 'auto',
    language: 'en',
    zip: '02134',
    state: 'MA',
    stateInferred: false,
    outcome: 'rule',
    errorCode: null,
    form: 'auto-online',
    ruleId: 'ma-auto-online',
    rulesetVersion: 1,
    url: 'https://quotes.acme.example/auto?zip=02134&utm_source=bench',
    latencyMs: 0.3,
  }));
}

if (require.main === module) {
  const json = process.argv.includes('--json');
  benchLogPipeline().then(
    (figures) => {
      console.log(json ? JSON.stringify(figures, null, 2) : Object.entries(figures).map(([key, value]) => `  ${key.padEnd(28)} ${value}`).join('\n'));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
