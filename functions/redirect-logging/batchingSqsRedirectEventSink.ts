import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SendMessageBatchResult, SQSClient } from '@aws-sdk/client-sqs';
import type { RedirectEvent, RedirectEventSink } from './redirectEvent';
import { runWithinBudget } from './timeBudget';
import type { UnsentEventRecorder } from './unsentRedirectEvents';

/** SQS accepts at most 10 entries per `SendMessageBatch`. */
export const MAX_BATCH_SIZE = 10;

export interface BatchingSinkOptions {
  client: SQSClient;
  queueUrl: string;
  unsent: UnsentEventRecorder;
  /** Milliseconds a partial batch waits for more events before it is sent. Default 100. */
  flushIntervalMs?: number;
  /** Events buffered and not yet handed to SQS; beyond it an event goes to the log. Default 1,000. */
  maxBufferedEvents?: number;
  /** Milliseconds one `SendMessageBatch` may take before its events go to the log. Default 5,000. */
  sendTimeoutMs?: number;
  /** `SendMessageBatch` calls in flight at once. Default 4. */
  maxConcurrentBatches?: number;
}

/**
 * Sink for a long-running process (the local server): `send` only buffers, and batches of up to
 * ten events go out as soon as they are full, or after the flush interval. The buffer is bounded.
 * When it fills up, a partial batch goes out early, and an event that still finds it full goes to
 * the structured log and the metric, as do the events of a batch or entry that fails or times out.
 * Call `flush()` before the process stops.
 */
export class BatchingSqsRedirectEventSink implements RedirectEventSink {
  private readonly buffer: RedirectEvent[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly flushIntervalMs: number;
  private readonly maxBufferedEvents: number;
  private readonly sendTimeoutMs: number;
  private readonly maxConcurrentBatches: number;

  constructor(private readonly options: BatchingSinkOptions) {
    this.flushIntervalMs = options.flushIntervalMs ?? 100;
    this.maxBufferedEvents = options.maxBufferedEvents ?? 1000;
    this.sendTimeoutMs = options.sendTimeoutMs ?? 5000;
    this.maxConcurrentBatches = options.maxConcurrentBatches ?? 4;
  }

  async send(event: RedirectEvent): Promise<void> {
    if (this.buffer.length >= this.maxBufferedEvents) {
      this.options.unsent.record([event], 'buffer_full');
      return;
    }

    this.buffer.push(event);
    // A full buffer sends a partial batch at once instead of waiting for the flush interval.
    this.dispatch(this.buffer.length >= this.maxBufferedEvents);
  }

  /** Sends every buffered event and waits for all batches in flight; resolves once nothing is pending. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;

    while (this.buffer.length > 0 || this.inFlight.size > 0) {
      this.dispatch(true);
      await Promise.all(this.inFlight);
    }
  }

  private dispatch(includePartial: boolean): void {
    while (this.inFlight.size < this.maxConcurrentBatches && this.hasBatchReady(includePartial)) {
      const sending = this.sendBatch(this.buffer.splice(0, MAX_BATCH_SIZE)).finally(() => {
        this.inFlight.delete(sending);
        this.dispatch(false);
      });
      this.inFlight.add(sending);
    }

    if (this.buffer.length > 0 && this.timer === undefined) {
      this.timer = setTimeout(() => this.onFlushTimer(), this.flushIntervalMs);
      this.timer.unref();
    }
  }

  private hasBatchReady(includePartial: boolean): boolean {
    return this.buffer.length >= MAX_BATCH_SIZE || (includePartial && this.buffer.length > 0);
  }

  private onFlushTimer(): void {
    this.timer = undefined;
    this.dispatch(true);
  }

  private async sendBatch(batch: RedirectEvent[]): Promise<void> {
    const { client, queueUrl, unsent } = this.options;
    const entries = batch.map((event, index) => ({ Id: String(index), MessageBody: JSON.stringify(event) }));
    const command = new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries });

    const outcome = await runWithinBudget(this.sendTimeoutMs, (abortSignal) => client.send(command, { abortSignal }));
    if (outcome.status === 'timed_out') {
      unsent.record(batch, 'send_timed_out');
    } else if (outcome.status === 'failed') {
      unsent.record(batch, 'send_failed', outcome.error);
    } else {
      this.recordFailedEntries(batch, outcome.value);
    }
  }

  /** Logs every entry SQS did not list as successful, including any it listed nowhere. */
  private recordFailedEntries(batch: RedirectEvent[], result: SendMessageBatchResult): void {
    const succeeded = new Set((result.Successful ?? []).map((entry) => entry.Id));
    const failures = new Map((result.Failed ?? []).map((entry) => [entry.Id, `${entry.Code}: ${entry.Message ?? ''}`]));

    batch.forEach((event, index) => {
      const id = String(index);
      if (!succeeded.has(id)) {
        this.options.unsent.record([event], 'batch_entry_failed', failures.get(id) ?? 'missing from the SendMessageBatch result');
      }
    });
  }
}
