import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { loadConfig } from '../shared/config';
import { logger } from '../shared/logger';
import { DynamoRedirectLogStore } from './dynamoRedirectLogStore';
import type { RedirectLogWriter } from './redirectLogStore';
import { createBatchedLogWrites } from './batchedLogWrites';
import { storeRedirectEvent } from './storeRedirectEvent';

/** A log-writer handler bound to one store. */
export type LogWriterHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

/**
 * Creates the SQS handler that stores one log item per message, writing the messages of a batch
 * together, and reports each failed message in `batchItemFailures`, so SQS deletes the stored
 * ones and delivers only the failed ones again.
 * When every message of the batch fails the returned promise rejects with Powertools'
 * `FullBatchFailureError`, and SQS delivers the whole batch again.
 */
export function createLogWriterHandler(writer: RedirectLogWriter): LogWriterHandler {
  const store = createBatchedLogWrites(writer);
  const storeRecord = async (record: SQSRecord): Promise<void> => {
    const logKeys = { messageId: record.messageId, receiveCount: record.attributes.ApproximateReceiveCount };
    try {
      await storeRedirectEvent(record.body, store);
    } catch (error) {
      logger.error('redirect log not stored', { ...logKeys, error: error as Error });
      throw error;
    }
  };

  // A processor keeps the results of one batch, so each invocation gets its own: the local
  // poller may call the handler for several batches at once.
  return async (event, context) => processPartialResponse(event, storeRecord, new BatchProcessor(EventType.SQS), { context });
}

let defaultHandler: LogWriterHandler | undefined;

/** Lambda entry point. The store and its client are created on the first invocation and reused while warm. */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  defaultHandler ??= createLogWriterHandler(newDefaultStore());

  return defaultHandler(event, context);
}

function newDefaultStore(): DynamoRedirectLogStore {
  const config = loadConfig();

  return new DynamoRedirectLogStore({ tableName: config.logsTable, retentionDays: config.logRetentionDays });
}
