import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../shared/logger';
import { toSqsEvent } from './sqsEvent';

export interface SqsPollerOptions {
  client: SQSClient;
  queueUrl: string;
  /** The Lambda handler the queue feeds in AWS. */
  handler: (event: SQSEvent) => Promise<SQSBatchResponse | void>;
  region: string;
  /** Messages per receive and per handler call, 1 to 10; default 10. */
  batchSize?: number;
  /** Receive loops running at once; default 2. */
  concurrency?: number;
  /** Milliseconds to wait after a failed receive before the next; default 500. */
  retryDelayMs?: number;
  /** Seconds one receive waits for a full batch, 0 to 20; default 1, and always under the queue's visibility timeout. */
  waitTimeSeconds?: number;
}

/**
 * Stands in for the Lambda event source mapping on the local queue. It receives batches and calls
 * the handler with an SQS event of the same shape. Then it deletes the messages the handler did not
 * report in `batchItemFailures` and leaves the failed ones to come back after the visibility
 * timeout. A handler that throws fails the whole batch, as in Lambda.
 *
 * The dead-letter queue is local-aws-sqs's own work: version 2.0.2 moves a message to the queue
 * named in its redrive policy when its visibility timeout ends and it has been received
 * `maxReceiveCount` times, so the poller never moves messages itself.
 */
export class SqsPoller {
  private running = true;
  private readonly loops: Promise<void>[];

  private constructor(
    private readonly options: SqsPollerOptions,
    private readonly queueArn: string,
    private readonly waitTimeSeconds: number,
  ) {
    this.loops = Array.from({ length: options.concurrency ?? 2 }, () => this.pollUntilStopped());
  }

  /**
   * Reads the queue's ARN, for `eventSourceARN`, and its visibility timeout, and starts polling.
   * Throws when the queue does not exist.
   */
  static async start(options: SqsPollerOptions): Promise<SqsPoller> {
    const { Attributes } = await options.client.send(
      new GetQueueAttributesCommand({ QueueUrl: options.queueUrl, AttributeNames: ['QueueArn', 'VisibilityTimeout'] }),
    );
    // local-aws-sqs 2.0.2 returns a message twice in one response when its visibility timeout ends
    // during the wait, which also counts a second receive. A wait shorter than the timeout avoids it.
    const visibilityTimeout = Number(Attributes?.VisibilityTimeout ?? 30);
    const waitTimeSeconds = Math.min(options.waitTimeSeconds ?? 1, Math.max(0, visibilityTimeout - 1));

    return new SqsPoller(options, Attributes?.QueueArn ?? options.queueUrl, waitTimeSeconds);
  }

  /** Stops receiving and waits for the batches in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;

    await Promise.all(this.loops);
  }

  /**
   * Waits until the queue contains no message, visible or in flight, and returns true, or returns
   * false after `timeoutMs`. A message that keeps failing stays until it moves to the dead-letter queue.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;

    while (Date.now() < deadline) {
      if (await this.isEmpty()) {
        return true;
      }
      await sleep(50);
    }
    return false;
  }

  private async isEmpty(): Promise<boolean> {
    const { Attributes } = await this.options.client.send(
      new GetQueueAttributesCommand({
        QueueUrl: this.options.queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );

    // local-aws-sqs 2.0.2 counts in-flight messages in ApproximateNumberOfMessages as well, unlike
    // SQS, so only "both are zero" means empty on both.
    return Attributes?.ApproximateNumberOfMessages === '0' && Attributes.ApproximateNumberOfMessagesNotVisible === '0';
  }

  private async pollUntilStopped(): Promise<void> {
    while (this.running) {
      const messages = await this.receive();
      if (messages === undefined) {
        await sleep(this.options.retryDelayMs ?? 500);
      } else if (messages.length > 0) {
        await this.process(messages);
      }
    }
  }

  /** Receives one batch. Returns `undefined` when the receive failed (the queue is unreachable, say), after logging it. */
  private async receive(): Promise<Message[] | undefined> {
    try {
      const { Messages } = await this.options.client.send(
        new ReceiveMessageCommand({
          QueueUrl: this.options.queueUrl,
          MaxNumberOfMessages: this.options.batchSize ?? 10,
          // local-aws-sqs 2.0.2 keeps a long poll open until the batch is full or the wait ends, not
          // until the first message arrives as SQS does. A short wait thus works like Lambda's
          // batching window, and it keeps an idle poller from spending CPU on empty receives.
          WaitTimeSeconds: this.waitTimeSeconds,
          // local-aws-sqs 2.0.2 reads only the older AttributeNames parameter for system attributes.
          AttributeNames: ['All'],
          MessageSystemAttributeNames: ['All'],
        }),
      );
      return uniqueMessages(Messages ?? []);
    } catch (error) {
      logger.warn('redirect queue receive failed', { queueUrl: this.options.queueUrl, error: error as Error });
      return undefined;
    }
  }

  private async process(messages: Message[]): Promise<void> {
    const event = toSqsEvent(messages, this.queueArn, this.options.region);
    const failedIds = await this.runHandler(event);
    const succeeded = messages.filter((message) => !failedIds.has(message.MessageId ?? ''));
    if (succeeded.length === 0) {
      return;
    }

    try {
      await this.options.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.options.queueUrl,
          Entries: succeeded.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })),
        }),
      );
    } catch (error) {
      // The messages come back after the visibility timeout, and the idempotent write stores nothing new.
      logger.warn('redirect queue delete failed', { messageIds: succeeded.map((message) => message.MessageId), error: error as Error });
    }
  }

  /** Ids of the messages the handler failed: those it reported, or all of them when it threw. */
  private async runHandler(event: SQSEvent): Promise<Set<string>> {
    try {
      const response = await this.options.handler(event);
      return new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (error) {
      logger.warn('log writer failed the whole batch', { messageIds: event.Records.map((record) => record.messageId), error: error as Error });
      return new Set(event.Records.map((record) => record.messageId));
    }
  }
}

/** Keeps one copy of each message, the last, whose receipt handle is the newest (see `start`). */
function uniqueMessages(messages: Message[]): Message[] {
  return [...new Map(messages.map((message) => [message.MessageId, message])).values()];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
