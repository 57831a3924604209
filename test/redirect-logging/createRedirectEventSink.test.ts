import { SQSClient } from '@aws-sdk/client-sqs';
import { BatchingSqsRedirectEventSink } from '../../functions/redirect-logging/batchingSqsRedirectEventSink';
import { createRedirectEventSink } from '../../functions/redirect-logging/createRedirectEventSink';
import { LoggingRedirectEventSink } from '../../functions/redirect-logging/loggingRedirectEventSink';
import { UNSENT_EVENTS_METRIC } from '../../functions/redirect-logging/redirectLoggingMetrics';
import { SqsRedirectEventSink } from '../../functions/redirect-logging/sqsRedirectEventSink';
import { readLogLine } from '../../functions/redirect-logging/unsentEventLogLine';
import { loadConfig } from '../../functions/shared/config';
import { CapturingLogger, CountingMetrics } from './support/capturingLogger';
import { aRedirectEvent } from './support/redirectEvents';

const QUEUE_URL = 'http://127.0.0.1:9324/000000000000/events';

describe('createRedirectEventSink', () => {
  const sqsClient = new SQSClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9324', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

  afterAll(() => sqsClient.destroy());

  it.each([
    ['lambda', SqsRedirectEventSink],
    ['batching', BatchingSqsRedirectEventSink],
  ] as const)('creates an SQS sink in %s mode when a queue is configured', (mode, expected) => {
    const config = loadConfig({ FORM_ROUTER_REDIRECT_QUEUE_URL: QUEUE_URL });

    expect(createRedirectEventSink(config, mode, { sqsClient })).toBeInstanceOf(expected);
  });

  it.each(['lambda', 'batching'] as const)('creates the logging sink in %s mode without a queue', (mode) => {
    expect(createRedirectEventSink(loadConfig({}), mode)).toBeInstanceOf(LoggingRedirectEventSink);
  });
});

describe('LoggingRedirectEventSink', () => {
  it('logs each event as unsent', async () => {
    const logger = new CapturingLogger();
    const metrics = new CountingMetrics();
    const sink = createRedirectEventSink(loadConfig({}), 'lambda', { logger, metrics });
    const event = aRedirectEvent();

    await sink.send(event);
    await sink.flush();

    expect(logger.lines.map(readLogLine)).toEqual([{ kind: 'unsent_event', event }]);
    expect(JSON.parse(logger.lines[0] ?? '{}').reason).toBe('no_queue_configured');
    expect(metrics.totals.get(UNSENT_EVENTS_METRIC)).toBe(1);
  });
});
