import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { ensureTables, startDynalite } from '../../functions/local/dynaliteServer';
import type { LocalDynamo } from '../../functions/local/dynaliteServer';
import { DynamoRedirectLogStore } from '../../functions/redirect-logging/dynamoRedirectLogStore';
import { createLogWriterHandler } from '../../functions/redirect-logging/logWriterHandler';
import { createDynamoDocumentClient } from '../../functions/shared/awsClients';
import { loadConfig } from '../../functions/shared/config';
import { logger } from '../../functions/shared/logger';
import { logsTableDefinition } from '../../functions/shared/tables';
import { redirectEvents } from './support/redirectEvents';

let dynamo: LocalDynamo;
let client: DynamoDBDocumentClient;
let tableCount = 0;

beforeAll(async () => {
  // The handler logs each failed message on purpose; the tests check the responses instead.
  logger.setLogLevel('SILENT');
  dynamo = await startDynalite();
  client = createDynamoDocumentClient(loadConfig({ FORM_ROUTER_DYNAMODB_ENDPOINT: dynamo.endpoint }));
});

afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

async function newStore(): Promise<DynamoRedirectLogStore> {
  const tableName = `logs-${++tableCount}`;
  await ensureTables(dynamo.endpoint, [logsTableDefinition(tableName)]);

  return new DynamoRedirectLogStore({ tableName, client });
}

function sqsRecord(body: string, index: number): SQSRecord {
  return {
    messageId: `message-${index}`,
    receiptHandle: `handle-${index}`,
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'local', ApproximateFirstReceiveTimestamp: '0' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:events',
    awsRegion: 'us-east-1',
  };
}

function sqsEvent(bodies: string[]): SQSEvent {
  return { Records: bodies.map(sqsRecord) };
}

const window = (): [Date, Date] => [new Date(Date.now() - 3_600_000), new Date()];

describe('createLogWriterHandler', () => {
  it('stores every event of a batch', async () => {
    const store = await newStore();
    const events = redirectEvents(10);

    const response = await createLogWriterHandler(store)(sqsEvent(events.map((event) => JSON.stringify(event))));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(await store.queryRedirectLogs('acme', ...window())).toHaveLength(10);
  });

  it('reports only the malformed message', async () => {
    const store = await newStore();
    const bodies = redirectEvents(10).map((event) => JSON.stringify(event));
    bodies[4] = JSON.stringify({ eventId: 'not-an-event' });

    const response = await createLogWriterHandler(store)(sqsEvent(bodies));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'message-4' }] });
    expect(await store.queryRedirectLogs('acme', ...window())).toHaveLength(9);
  });

  it('succeeds for a message delivered again', async () => {
    const store = await newStore();
    const body = JSON.stringify(redirectEvents(1)[0]);
    const handler = createLogWriterHandler(store);

    await handler(sqsEvent([body]));
    const response = await handler(sqsEvent([body]));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(await store.queryRedirectLogs('acme', ...window())).toHaveLength(1);
  });

  it('fails the whole batch when the table is missing', async () => {
    const store = new DynamoRedirectLogStore({ tableName: 'no-such-table', client });

    await expect(createLogWriterHandler(store)(sqsEvent([JSON.stringify(redirectEvents(1)[0])]))).rejects.toThrow(FullBatchFailureError);
  });

  it('keeps concurrent batches apart', async () => {
    const store = await newStore();
    const handler = createLogWriterHandler(store);
    const good = redirectEvents(10).map((event) => JSON.stringify(event));
    const mixed = [...redirectEvents(9).map((event) => JSON.stringify(event)), 'not json'];

    const [first, second] = await Promise.all([handler(sqsEvent(good)), handler(sqsEvent(mixed))]);

    expect(first).toEqual({ batchItemFailures: [] });
    expect(second).toEqual({ batchItemFailures: [{ itemIdentifier: 'message-9' }] });
  });
});
