import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { SqsPoller } from '../../functions/local/sqsPoller';
import { createRedirectQueues, startLocalSqs } from '../../functions/local/sqsServer';
import type { LocalSqs, RedirectQueues } from '../../functions/local/sqsServer';
import { createSqsClient } from '../../functions/shared/awsClients';
import { loadConfig } from '../../functions/shared/config';
import { logger } from '../../functions/shared/logger';
import { waitUntil } from '../redirect-logging/support/localPipeline';
import { messageCount } from '../redirect-logging/support/sqsQueues';

let sqs: LocalSqs;
let queueCount = 0;
const client = () => createSqsClient(loadConfig({ FORM_ROUTER_SQS_ENDPOINT: sqs.endpoint }));

beforeAll(async () => {
  logger.setLogLevel('SILENT');
  sqs = await startLocalSqs();
});

afterAll(async () => {
  await sqs.close();
});

async function queueWith(bodies: string[]): Promise<RedirectQueues> {
  queueCount++;
  const queues = await createRedirectQueues(sqs.endpoint, { queueName: `poll-${queueCount}`, deadLetterQueueName: `poll-${queueCount}-dlq`, maxReceiveCount: 2, visibilityTimeoutSeconds: 1 });
  await sendBodies(queues.queueUrl, bodies);

  return queues;
}

describe('SqsPoller', () => {
  it('passes Lambda-shaped SQS records to the handler', async () => {
    const queues = await queueWith(['first']);
    const events: SQSEvent[] = [];
    const sqsClient = client();
    const poller = await SqsPoller.start({
      client: sqsClient,
      queueUrl: queues.queueUrl,
      region: 'us-east-1',
      handler: async (event) => {
        events.push(event);
      },
    });

    await waitUntil(() => events.length > 0, 10_000);
    await poller.stop();
    sqsClient.destroy();
    const record = events[0]?.Records[0];

    expect(record).toEqual({
      messageId: expect.any(String),
      receiptHandle: expect.any(String),
      body: 'first',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: expect.stringMatching(/^\d+$/),
        SenderId: expect.any(String),
        ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
      },
      messageAttributes: {},
      md5OfBody: '8b04d5e3775d298e78455efc5ca404d5',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:us-east-1:123456789012:poll-${queueCount}`,
      awsRegion: 'us-east-1',
    });
  });

  it('deletes the messages the handler did not report failed', async () => {
    const queues = await queueWith(['keep', 'done-1', 'done-2']);
    const seen: string[] = [];
    const sqsClient = client();
    const poller = await SqsPoller.start({
      client: sqsClient,
      queueUrl: queues.queueUrl,
      region: 'us-east-1',
      handler: async (event): Promise<SQSBatchResponse> => {
        seen.push(...event.Records.map((record) => record.body));
        return { batchItemFailures: event.Records.filter((record) => record.body === 'keep').map((record) => ({ itemIdentifier: record.messageId })) };
      },
    });

    await waitUntil(() => seen.length >= 3, 10_000);
    await poller.stop();
    const remaining = await messageCount(sqsClient, queues.queueUrl);
    sqsClient.destroy();

    expect(seen.sort()).toEqual(['done-1', 'done-2', 'keep']);
    expect(remaining).toBe(1);
  });

  it('delivers a whole batch again when the handler throws', async () => {
    const queues = await queueWith(['a', 'b']);
    let calls = 0;
    const sqsClient = client();
    const poller = await SqsPoller.start({
      client: sqsClient,
      queueUrl: queues.queueUrl,
      region: 'us-east-1',
      handler: async (event) => {
        calls++;
        if (calls === 1) {
          throw new Error(`failed ${event.Records.length} records`);
        }
      },
    });

    const drained = await poller.drain(10_000);
    await poller.stop();
    sqsClient.destroy();

    expect(drained).toBe(true);
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('resumes polling after the queue was unreachable', async () => {
    const queues = await queueWith(['before']);
    const bodies: string[] = [];
    const sqsClient = client();
    const poller = await SqsPoller.start({
      client: sqsClient,
      queueUrl: queues.queueUrl,
      region: 'us-east-1',
      retryDelayMs: 50,
      handler: async (event) => {
        bodies.push(...event.Records.map((record) => record.body));
      },
    });

    const receivedBefore = await waitUntil(() => bodies.includes('before'), 10_000);
    await sqs.suspend();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sqs.resume();
    await sendBodies(queues.queueUrl, ['after']);
    const receivedAfter = await waitUntil(() => bodies.includes('after'), 10_000);
    await poller.stop();
    sqsClient.destroy();

    expect(receivedBefore).toBe(true);
    expect(receivedAfter).toBe(true);
    expect(bodies).toEqual(['before', 'after']);
  });
});

async function sendBodies(queueUrl: string, bodies: string[]): Promise<void> {
  const sender = client();
  await sender.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })) }));
  sender.destroy();
}
