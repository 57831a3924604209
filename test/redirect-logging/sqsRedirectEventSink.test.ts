import type { SQSClient } from '@aws-sdk/client-sqs';
import { createRedirectQueues, startLocalSqs } from '../../functions/local/sqsServer';
import type { LocalSqs, RedirectQueues } from '../../functions/local/sqsServer';
import { SqsRedirectEventSink } from '../../functions/redirect-logging/sqsRedirectEventSink';
import { UNSENT_EVENTS_METRIC } from '../../functions/redirect-logging/redirectLoggingMetrics';
import { readLogLine } from '../../functions/redirect-logging/unsentEventLogLine';
import { UnsentEventRecorder } from '../../functions/redirect-logging/unsentRedirectEvents';
import { CapturingLogger, CountingMetrics } from './support/capturingLogger';
import { aRedirectEvent } from './support/redirectEvents';
import { receiveEvents } from './support/sqsQueues';
import { closedPortEndpoint, singleAttemptSqsClient, startSilentServer } from './support/sqsTestServers';

let sqs: LocalSqs;
let queues: RedirectQueues;
const clients: SQSClient[] = [];

beforeAll(async () => {
  sqs = await startLocalSqs();
  queues = await createRedirectQueues(sqs.endpoint, { queueName: 'events', deadLetterQueueName: 'events-dlq', maxReceiveCount: 3, visibilityTimeoutSeconds: 1 });
});

afterAll(async () => {
  clients.forEach((client) => client.destroy());
  await sqs.close();
});

function sinkOn(endpoint: string, budgetMs: number) {
  const client = singleAttemptSqsClient(endpoint);
  clients.push(client);
  const logger = new CapturingLogger();
  const metrics = new CountingMetrics();
  const sink = new SqsRedirectEventSink({ client, queueUrl: queues.queueUrl, budgetMs, unsent: new UnsentEventRecorder(logger, metrics) });

  return { sink, client, logger, metrics };
}

describe('SqsRedirectEventSink', () => {
  it('sends the event as one message', async () => {
    const { sink, client, logger } = sinkOn(sqs.endpoint, 5000);
    const event = aRedirectEvent();

    await sink.send(event);

    expect(await receiveEvents(client, queues.queueUrl, 10)).toEqual([event]);
    expect(logger.lines).toEqual([]);
  });

  it('logs the event when the queue is unreachable', async () => {
    const { sink, logger, metrics } = sinkOn(await closedPortEndpoint(), 5000);
    const event = aRedirectEvent();

    await sink.send(event);

    expect(logger.lines.map(readLogLine)).toEqual([{ kind: 'unsent_event', event }]);
    expect(JSON.parse(logger.lines[0] ?? '{}').reason).toBe('send_failed');
    expect(metrics.totals.get(UNSENT_EVENTS_METRIC)).toBe(1);
  });

  it('logs the event when the queue does not answer within the budget', async () => {
    const silent = await startSilentServer();
    const { sink, logger, metrics } = sinkOn(silent.endpoint, 50);
    const event = aRedirectEvent();

    try {
      await sink.send(event);
    } finally {
      await silent.close();
    }

    expect(logger.lines.map(readLogLine)).toEqual([{ kind: 'unsent_event', event }]);
    expect(JSON.parse(logger.lines[0] ?? '{}').reason).toBe('send_timed_out');
    expect(metrics.totals.get(UNSENT_EVENTS_METRIC)).toBe(1);
  });

  it('flushes nothing, because nothing is buffered', async () => {
    const { sink, logger } = sinkOn(sqs.endpoint, 5000);

    await sink.flush();

    expect(logger.lines).toEqual([]);
  });
});
