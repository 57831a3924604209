import { GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { RedirectEvent } from '../../../functions/redirect-logging/redirectEvent';

/** Messages in a queue, visible or not (local-aws-sqs counts both in ApproximateNumberOfMessages). */
export async function messageCount(client: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));

  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
}

/** Polls until the queue contains `expected` messages or `timeoutMs` passes; returns the last count. */
export async function waitForMessageCount(client: SQSClient, queueUrl: string, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = await messageCount(client, queueUrl);
  while (count < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    count = await messageCount(client, queueUrl);
  }

  return count;
}

/** Receives up to `max` messages and parses their bodies as redirect events. */
export async function receiveEvents(client: SQSClient, queueUrl: string, max: number): Promise<RedirectEvent[]> {
  const events: RedirectEvent[] = [];
  while (events.length < max) {
    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 60 }));
    if (!Messages || Messages.length === 0) {
      break;
    }
    events.push(...Messages.map((message) => JSON.parse(message.Body ?? 'null') as RedirectEvent));
  }

  return events;
}
