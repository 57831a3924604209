import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { LOCAL_REDIRECT_QUEUE, startEmbeddedRuntime } from '../../functions/local/embeddedRuntime';
import type { EmbeddedRuntime } from '../../functions/local/embeddedRuntime';
import { createRedirectEventSink } from '../../functions/redirect-logging/createRedirectEventSink';
import { DynamoRedirectLogStore } from '../../functions/redirect-logging/dynamoRedirectLogStore';
import { createDynamoDocumentClient, createSqsClient } from '../../functions/shared/awsClients';
import { logger } from '../../functions/shared/logger';
import { redirectEvents } from '../redirect-logging/support/redirectEvents';

describe('startEmbeddedRuntime redirect queue', () => {
  let runtime: EmbeddedRuntime;

  beforeAll(async () => {
    logger.setLogLevel('SILENT');
    runtime = await startEmbeddedRuntime();
  });

  afterAll(async () => {
    await runtime.close();
  });

  it('records the queue in the configuration and the instance', () => {
    const { instance, config } = runtime;

    expect(instance.sqsEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(config.endpoints.sqs).toBe(instance.sqsEndpoint);
    expect(config.redirectQueueUrl).toBe(`${instance.sqsEndpoint}/123456789012/${LOCAL_REDIRECT_QUEUE.queueName}`);
    expect(instance.redirectQueueUrl).toBe(config.redirectQueueUrl);
    expect(instance.deadLetterQueueUrl).toBe(`${instance.sqsEndpoint}/123456789012/${LOCAL_REDIRECT_QUEUE.deadLetterQueueName}`);
  });

  it('links the queue to its dead-letter queue', async () => {
    const client = createSqsClient(runtime.config);
    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: runtime.config.redirectQueueUrl, AttributeNames: ['All'] }));
    client.destroy();

    expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: `arn:aws:sqs:us-east-1:123456789012:${LOCAL_REDIRECT_QUEUE.deadLetterQueueName}`,
      maxReceiveCount: LOCAL_REDIRECT_QUEUE.maxReceiveCount,
    });
    expect(Attributes?.VisibilityTimeout).toBe(String(LOCAL_REDIRECT_QUEUE.visibilityTimeoutSeconds));
  });

  it('stores the events a batching sink sends', async () => {
    const client = createDynamoDocumentClient(runtime.config);
    const store = new DynamoRedirectLogStore({ tableName: runtime.config.logsTable, client });
    const sink = createRedirectEventSink(runtime.config, 'batching');
    const events = redirectEvents(30);
    let stored = 0;

    for (const event of events) {
      await sink.send(event);
    }
    await sink.flush();
    const allStored = await pollUntil(async () => {
      stored = (await store.queryRedirectLogs('acme', new Date(Date.now() - 60_000), new Date())).length;
      return stored === events.length;
    });
    client.destroy();

    expect(allStored).toBe(true);
    expect(stored).toBe(30);
  });
});

async function pollUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
