import type { SendMessageBatchCommand, SendMessageBatchResult, SQSClient } from '@aws-sdk/client-sqs';
import { createRedirectQueues, startLocalSqs } from '../../functions/local/sqsServer';
import type { LocalSqs, RedirectQueues } from '../../functions/local/sqsServer';
import { BatchingSqsRedirectEventSink } from '../../functions/redirect-logging/batchingSqsRedirectEventSink';
import type { BatchingSinkOptions } from '../../functions/redirect-logging/batchingSqsRedirectEventSink';
import { UNSENT_EVENTS_METRIC } from '../../functions/redirect-logging/redirectLoggingMetrics';
import { readLogLine } from '../../functions/redirect-logging/unsentEventLogLine';
import { UnsentEventRecorder } from '../../functions/redirect-logging/unsentRedirectEvents';
import type { RedirectEvent } from '../../functions/redirect-logging/redirectEvent';
import { CapturingLogger, CountingMetrics } from './support/capturingLogger';
import { redirectEvents } from './support/redirectEvents';
import { messageCount, receiveEvents, waitForMessageCount } from './support/sqsQueues';
import { closedPortEndpoint, singleAttemptSqsClient, startSilentServer } from './support/sqsTestServers';

let sqs: LocalSqs;
let queueCount = 0;
const clients: SQSClient[] = [];

beforeAll(async () => {
  sqs = await startLocalSqs();
});

afterAll(async () => {
  clients.forEach((client) => client.destroy());
  await sqs.close();
});

async function newQueues(): Promise<RedirectQueues> {
  queueCount++;
  return createRedirectQueues(sqs.endpoint, { queueName: `events-${queueCount}`, deadLetterQueueName: `events-${queueCount}-dlq`, maxReceiveCount: 3, visibilityTimeoutSeconds: 1 });
}

function clientFor(endpoint: string): SQSClient {
  const client = singleAttemptSqsClient(endpoint);
  clients.push(client);
  return client;
}

function sinkWith(client: SQSClient, queueUrl: string, options: Partial<BatchingSinkOptions> = {}) {
  const logger = new CapturingLogger();
  const metrics = new CountingMetrics();
  const sink = new BatchingSqsRedirectEventSink({ client, queueUrl, unsent: new UnsentEventRecorder(logger, metrics), ...options });
  const unsentEvents = () => logger.lines.map(readLogLine).flatMap((content) => (content.kind === 'unsent_event' ? [content.event] : []));
  const reasons = () => logger.lines.map((line) => JSON.parse(line).reason as string);

  return { sink, logger, metrics, unsentEvents, reasons };
}

async function sendAll(sink: BatchingSqsRedirectEventSink, events: RedirectEvent[]): Promise<void> {
  for (const event of events) {
    await sink.send(event);
  }
}

const byId = (a: RedirectEvent, b: RedirectEvent) => a.eventId.localeCompare(b.eventId);

describe('BatchingSqsRedirectEventSink', () => {
  it('sends every event once flushed', async () => {
    const queues = await newQueues();
    const client = clientFor(sqs.endpoint);
    const { sink, logger } = sinkWith(client, queues.queueUrl, { flushIntervalMs: 60_000 });
    const events = redirectEvents(25);

    await sendAll(sink, events);
    await sink.flush();

    expect((await receiveEvents(client, queues.queueUrl, 25)).sort(byId)).toEqual([...events].sort(byId));
    expect(logger.lines).toEqual([]);
  });

  it('sends full batches before any flush', async () => {
    const queues = await newQueues();
    const client = clientFor(sqs.endpoint);
    const { sink } = sinkWith(client, queues.queueUrl, { flushIntervalMs: 60_000 });

    await sendAll(sink, redirectEvents(23));
    const sentBeforeFlush = await waitForMessageCount(client, queues.queueUrl, 20, 5000);
    await sink.flush();

    expect(sentBeforeFlush).toBe(20);
    expect(await messageCount(client, queues.queueUrl)).toBe(23);
  });

  it('sends a partial batch after the flush interval', async () => {
    const queues = await newQueues();
    const client = clientFor(sqs.endpoint);
    const { sink } = sinkWith(client, queues.queueUrl, { flushIntervalMs: 20 });

    await sendAll(sink, redirectEvents(3));

    expect(await waitForMessageCount(client, queues.queueUrl, 3, 5000)).toBe(3);
  });

  it('logs every event of a batch the queue rejects', async () => {
    const queues = await newQueues();
    const { sink, unsentEvents, reasons, metrics } = sinkWith(clientFor(await closedPortEndpoint()), queues.queueUrl);
    const events = redirectEvents(12);

    await sendAll(sink, events);
    await sink.flush();

    expect(unsentEvents().sort(byId)).toEqual([...events].sort(byId));
    expect(new Set(reasons())).toEqual(new Set(['send_failed']));
    expect(metrics.totals.get(UNSENT_EVENTS_METRIC)).toBe(12);
  });

  it('accounts for every event when the queue hangs and the buffer fills', async () => {
    const silent = await startSilentServer();
    const { sink, unsentEvents, reasons } = sinkWith(clientFor(silent.endpoint), 'http://127.0.0.1/000000000000/events', {
      maxBufferedEvents: 5,
      maxConcurrentBatches: 1,
      sendTimeoutMs: 50,
    });
    const events = redirectEvents(16);

    try {
      await sendAll(sink, events);
      await sink.flush();
    } finally {
      await silent.close();
    }

    expect(unsentEvents().sort(byId)).toEqual([...events].sort(byId));
    // Events 1-5 fill the buffer and go out early; 6-10 wait behind that batch; 11-16 find the buffer full.
    expect(reasons().filter((reason) => reason === 'buffer_full')).toHaveLength(6);
    expect(reasons().filter((reason) => reason === 'send_timed_out')).toHaveLength(10);
  });

  // Mocked client, because local-aws-sqs never fails a single entry of a valid batch.
  it('logs failed batch entries (mocked client)', async () => {
    const events = redirectEvents(10);
    const client = {
      send: async (command: SendMessageBatchCommand): Promise<SendMessageBatchResult> => ({
        Successful: (command.input.Entries ?? [])
          .filter((entry) => entry.Id !== '3' && entry.Id !== '7')
          .map((entry) => ({ Id: entry.Id, MessageId: `m-${entry.Id}`, MD5OfMessageBody: '' })),
        Failed: [{ Id: '3', Code: 'InternalError', SenderFault: false, Message: 'try again' }],
      }),
    } as unknown as SQSClient;
    const { sink, unsentEvents, logger } = sinkWith(client, 'http://127.0.0.1/000000000000/events');

    await sendAll(sink, events);
    await sink.flush();
    const errors = logger.lines.map((line) => JSON.parse(line).error as string);

    expect(unsentEvents()).toEqual([events[3], events[7]]);
    expect(errors).toEqual(['InternalError: try again', 'missing from the SendMessageBatch result']);
  });
});
