import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { FormRouterConfig } from './config';

/** Credentials for the local stand-ins, which accept any key; AWS itself uses the default provider chain. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export function createDynamoDocumentClient(config: FormRouterConfig): DynamoDBDocumentClient {
  const endpoint = config.endpoints.dynamodb;
  const client = new DynamoDBClient({
    region: config.region,
    ...(endpoint ? { endpoint, credentials: LOCAL_CREDENTIALS } : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function createSqsClient(config: FormRouterConfig): SQSClient {
  const endpoint = config.endpoints.sqs;
  return new SQSClient({ region: config.region, ...(endpoint ? { endpoint, credentials: LOCAL_CREDENTIALS } : {}) });
}

export function createSfnClient(config: FormRouterConfig): SFNClient {
  const endpoint = config.endpoints.stepFunctions;
  return new SFNClient({ region: config.region, ...(endpoint ? { endpoint, credentials: LOCAL_CREDENTIALS } : {}) });
}
