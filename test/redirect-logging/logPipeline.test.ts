import { ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { toSqsEvent } from '../../functions/local/sqsEvent';
import { BatchingSqsRedirectEventSink } from '../../functions/redirect-logging/batchingSqsRedirectEventSink';
import { createLogWriterHandler } from '../../functions/redirect-logging/logWriterHandler';
import type { RedirectEvent } from '../../functions/redirect-logging/redirectEvent';
import { UNSENT_EVENTS_METRIC } from '../../functions/redirect-logging/redirectLoggingMetrics';
import { UnsentEventRecorder } from '../../functions/redirect-logging/unsentRedirectEvents';
import { planReplay, sendEvents } from '../../functions/cli/logs/replayUnsentEvents';
import { logger } from '../../functions/shared/logger';
import { CapturingLogger, CountingMetrics } from './support/capturingLogger';
import { startLocalPipeline, waitUntil } from './support/localPipeline';
import type { LocalPipeline } from './support/localPipeline';
import { redirectEvents } from './support/redirectEvents';
import { singleAttemptSqsClient } from './support/sqsTestServers';

/** Bounded waits for the poller; each test asserts the counts it reached, never the time it took. */
const STORE_TIMEOUT_MS = 25_000;

let pipeline: LocalPipeline | undefined;

beforeAll(() => {
  // The poller and the log writer log every failure they recover from; these tests provoke many.
  logger.setLogLevel('SILENT');
});

afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
});

function batchingSink(current: LocalPipeline, options: { sendTimeoutMs?: number } = {}) {
  const logger = new CapturingLogger();
  const metrics = new CountingMetrics();
  // One attempt per request, so a send to a suspended queue fails at once instead of after retries.
  const client = singleAttemptSqsClient(current.sqs.endpoint);
  const sink = new BatchingSqsRedirectEventSink({ client, queueUrl: current.queues.queueUrl, unsent: new UnsentEventRecorder(logger, metrics), ...options });

  return { sink, logger, metrics, close: () => client.destroy() };
}

/**
 * Sends the events one by one, yielding to the event loop between them as a server does between
 * requests. Without the yield no batch could complete during the loop and the buffer would fill.
 */
async function sendAll(sink: BatchingSqsRedirectEventSink, events: readonly RedirectEvent[]): Promise<void> {
  for (const event of events) {
    await sink.send(event);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('redirect log pipeline', () => {
  it('stores every event when every part is up', async () => {
    pipeline = await startLocalPipeline();
    const poller = await pipeline.startPoller();
    const { sink, logger, close } = batchingSink(pipeline);
    const events = redirectEvents(5000);

    await sendAll(sink, events);
    await sink.flush();
    const stored = await pipeline.waitForStoredItems(events.length, STORE_TIMEOUT_MS);
    const drained = await poller.drain(5000);
    close();

    expect(logger.lines).toHaveLength(0);
    expect(stored).toBe(5000);
    expect(drained).toBe(true);
  }, 60_000);

  it('logs the events sent while the queue is down and replays them', async () => {
    pipeline = await startLocalPipeline();
    await pipeline.startPoller();
    const { sink, logger, metrics, close } = batchingSink(pipeline);
    const [before, during, after] = [redirectEvents(300), redirectEvents(200), redirectEvents(300)];

    await sendAll(sink, before);
    await sink.flush();
    await pipeline.sqs.suspend();
    await sendAll(sink, during);
    await sink.flush();
    await pipeline.sqs.resume();
    await sendAll(sink, after);
    await sink.flush();
    close();
    const unsentLines = logger.lines.length;
    const plan = planReplay(logger.lines.join('\n'));
    const notSent = await sendEvents(plan.events, { client: pipeline.sqsClient, queueUrl: pipeline.queues.queueUrl });
    const stored = await pipeline.waitForStoredItems(800, STORE_TIMEOUT_MS);

    expect(unsentLines).toBe(200);
    expect(metrics.totals.get(UNSENT_EVENTS_METRIC)).toBe(200);
    expect(new Set(plan.events.map((event) => event.eventId))).toEqual(new Set(during.map((event) => event.eventId)));
    expect(notSent).toEqual([]);
    expect(stored).toBe(800);
  }, 60_000);

  it('stores one item for a message delivered twice', async () => {
    pipeline = await startLocalPipeline();
    const { sqsClient, queues } = pipeline;
    const [event] = redirectEvents(1);
    await sqsClient.send(new SendMessageCommand({ QueueUrl: queues.queueUrl, MessageBody: JSON.stringify(event) }));
    const handler = createLogWriterHandler(pipeline.store);

    // First delivery: stored, but the message is not deleted, as when a poller dies before deleting.
    const { Messages = [] } = await sqsClient.send(new ReceiveMessageCommand({ QueueUrl: queues.queueUrl, MaxNumberOfMessages: 10, AttributeNames: ['All'] }));
    const first = await handler(toSqsEvent(Messages, 'arn:aws:sqs:us-east-1:123456789012:redirect-events', 'us-east-1'));
    const receiveCounts: string[] = [];
    const poller = await pipeline.startPoller((handler) => async (sqsEvent: SQSEvent) => {
      receiveCounts.push(...sqsEvent.Records.map((record) => record.attributes.ApproximateReceiveCount));
      return handler(sqsEvent);
    });
    const drained = await poller.drain(STORE_TIMEOUT_MS);

    expect(Messages).toHaveLength(1);
    expect(first).toEqual({ batchItemFailures: [] });
    expect(receiveCounts).toEqual(['2']);
    expect(drained).toBe(true);
    expect(await pipeline.countStoredItems()).toBe(1);
  }, 60_000);

  it('stores nine of ten and dead-letters the malformed message', async () => {
    pipeline = await startLocalPipeline({ queue: { maxReceiveCount: 3, visibilityTimeoutSeconds: 1 } });
    const { sqsClient, queues } = pipeline;
    const bodies = redirectEvents(9).map((event) => JSON.stringify(event));
    const malformed = JSON.stringify({ eventId: 'broken', brand: 'acme' });
    await sqsClient.send(
      new SendMessageBatchCommand({
        QueueUrl: queues.queueUrl,
        Entries: [...bodies.slice(0, 4), malformed, ...bodies.slice(4)].map((body, index) => ({ Id: String(index), MessageBody: body })),
      }),
    );
    const malformedReceives: string[] = [];
    const poller = await pipeline.startPoller((handler) => async (sqsEvent: SQSEvent): Promise<SQSBatchResponse> => {
      const receives = sqsEvent.Records.filter((record) => record.body === malformed).map((record) => record.attributes.ApproximateReceiveCount);
      malformedReceives.push(...receives);
      return handler(sqsEvent);
    });

    const deadLetters = await pipeline.receiveMessages(queues.deadLetterQueueUrl, 1, STORE_TIMEOUT_MS);
    const drained = await poller.drain(STORE_TIMEOUT_MS);

    expect(await pipeline.countStoredItems()).toBe(9);
    expect(deadLetters.map((message) => message.Body)).toEqual([malformed]);
    expect(malformedReceives).toEqual(['1', '2', '3']);
    expect(drained).toBe(true);
  }, 60_000);

  it('retries while the log table is missing and loses nothing', async () => {
    pipeline = await startLocalPipeline({ withLogsTable: false, queue: { maxReceiveCount: 10, visibilityTimeoutSeconds: 1 } });
    const { sqsClient, queues } = pipeline;
    let failedBatches = 0;
    await pipeline.startPoller((handler) => async (sqsEvent: SQSEvent) => {
      try {
        return await handler(sqsEvent);
      } catch (error) {
        failedBatches++;
        throw error;
      }
    });
    const { sink, close } = batchingSink(pipeline);
    const events = redirectEvents(200);

    await sendAll(sink, events);
    await sink.flush();
    close();
    const failedWhileMissing = await waitUntil(() => failedBatches > 0, STORE_TIMEOUT_MS);
    await pipeline.createLogsTable();
    const stored = await pipeline.waitForStoredItems(200, STORE_TIMEOUT_MS);
    const deadLetters = await pipeline.receiveMessages(queues.deadLetterQueueUrl, 1, 0);

    expect(failedWhileMissing).toBe(true);
    expect(stored).toBe(200);
    expect(deadLetters).toEqual([]);
  }, 60_000);
});
