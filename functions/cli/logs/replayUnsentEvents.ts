import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { RedirectEvent } from '../../redirect-logging/redirectEvent';
import { readLogLine } from '../../redirect-logging/unsentEventLogLine';
import type { RedirectQueue } from './logsBackend';

/** Unsent redirect events found in a structured log, for replay. */
export interface ReplayPlan {
  linesRead: number;
  /** Valid unsent events, first occurrence of each event id, in file order. */
  events: RedirectEvent[];
  /** Unsent-event lines whose event id occurred earlier in the file. */
  repeatedLines: number;
  /** Unsent-event lines whose event is invalid, by 1-based line number. */
  invalid: { line: number; problem: string }[];
}

/** An event the queue did not take. */
export interface FailedSend {
  eventId: string;
  reason: string;
}

/** Selects the unsent-event lines of a structured log and checks each event. Other lines are skipped. */
export function planReplay(text: string): ReplayPlan {
  const lines = text.split(/\r?\n/);
  const events = new Map<string, RedirectEvent>();
  const plan: ReplayPlan = { linesRead: 0, events: [], repeatedLines: 0, invalid: [] };

  lines.forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    plan.linesRead++;
    const content = readLogLine(line);
    if (content.kind === 'invalid_unsent_event') {
      plan.invalid.push({ line: index + 1, problem: content.problem });
    } else if (content.kind === 'unsent_event' && events.has(content.event.eventId)) {
      plan.repeatedLines++;
    } else if (content.kind === 'unsent_event') {
      events.set(content.event.eventId, content.event);
    }
  });

  return { ...plan, events: [...events.values()] };
}

/**
 * Sends the events to the redirect queue in batches of ten and returns those it did not take.
 * Sending an event again is harmless: the log writer stores one item per event id.
 */
export async function sendEvents(events: readonly RedirectEvent[], queue: RedirectQueue): Promise<FailedSend[]> {
  const failed: FailedSend[] = [];

  for (let start = 0; start < events.length; start += 10) {
    failed.push(...(await sendBatch(events.slice(start, start + 10), queue)));
  }
  return failed;
}

async function sendBatch(batch: RedirectEvent[], queue: RedirectQueue): Promise<FailedSend[]> {
  const entries = batch.map((event, index) => ({ Id: String(index), MessageBody: JSON.stringify(event) }));

  try {
    const result = await queue.client.send(new SendMessageBatchCommand({ QueueUrl: queue.queueUrl, Entries: entries }));
    const succeeded = new Set((result.Successful ?? []).map((entry) => entry.Id));
    const reasons = new Map((result.Failed ?? []).map((entry) => [entry.Id, `${entry.Code}: ${entry.Message ?? ''}`]));
    return batch
      .map((event, index) => ({ event, id: String(index) }))
      .filter(({ id }) => !succeeded.has(id))
      .map(({ event, id }) => ({ eventId: event.eventId, reason: reasons.get(id) ?? 'missing from the SendMessageBatch result' }));
  } catch (error) {
    return batch.map((event) => ({ eventId: event.eventId, reason: (error as Error).message }));
  }
}
