import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { RedirectEvent, RedirectEventSink } from './redirectEvent';
import { runWithinBudget } from './timeBudget';
import type { UnsentEventRecorder } from './unsentRedirectEvents';

export interface SqsRedirectEventSinkOptions {
  client: SQSClient;
  queueUrl: string;
  /** Milliseconds `send` may take before the event goes to the log instead. */
  budgetMs: number;
  unsent: UnsentEventRecorder;
}

/**
 * Sink for Lambda: `send` waits for one `SendMessage` but never longer than the budget, because a
 * frozen Lambda cannot finish work after its response. A failed or late send writes the event to
 * the structured log and counts it in the metric, so the event is kept for a replay.
 *
 * NOTE: a send that times out may still reach the queue after the abort. The event is then both in
 * the queue and in the log, and a replay stores nothing new because the log table is keyed by event id.
 * On a cold start the first send includes the TLS handshake and can exceed a budget of a few tens of
 * milliseconds. Those events take the same log path.
 */
export class SqsRedirectEventSink implements RedirectEventSink {
  constructor(private readonly options: SqsRedirectEventSinkOptions) {}

  async send(event: RedirectEvent): Promise<void> {
    const { client, queueUrl, budgetMs, unsent } = this.options;
    const command = new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(event) });

    const outcome = await runWithinBudget(budgetMs, (abortSignal) => client.send(command, { abortSignal }));
    if (outcome.status === 'timed_out') {
      unsent.record([event], 'send_timed_out');
    } else if (outcome.status === 'failed') {
      unsent.record([event], 'send_failed', outcome.error);
    }
  }

  async flush(): Promise<void> {
    // Nothing is buffered: `send` finishes each event before it returns.
  }
}
