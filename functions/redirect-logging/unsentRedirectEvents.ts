import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { RedirectEvent } from './redirectEvent';
import { UNSENT_EVENTS_METRIC } from './redirectLoggingMetrics';
import type { MetricsRecorder } from './redirectLoggingMetrics';

/**
 * Message of the structured log line that carries a redirect event the queue did not take.
 * `form-router logs replay` selects lines by this message, so it must not change.
 */
export const UNSENT_EVENT_MESSAGE = 'redirect_event_unsent';

/** Reason an event went to the log instead of the queue. */
export type UnsentReason =
  | 'no_queue_configured'
  | 'send_failed'
  | 'send_timed_out'
  | 'batch_entry_failed'
  | 'buffer_full';

/** The part of the Powertools `Logger` the producer writes to. */
export interface StructuredLogger {
  warn(message: string, attributes: Record<string, unknown>): void;
}

/**
 * Writes each unsent event, complete, to the structured log under `UNSENT_EVENT_MESSAGE` and
 * counts it in the `RedirectEventsUnsent` metric.
 */
export class UnsentEventRecorder {
  constructor(
    private readonly logger: StructuredLogger,
    private readonly metrics: MetricsRecorder,
  ) {}

  record(events: readonly RedirectEvent[], reason: UnsentReason, error?: unknown): void {
    if (events.length === 0) {
      return;
    }

    for (const redirectEvent of events) {
      this.logger.warn(UNSENT_EVENT_MESSAGE, { redirectEvent, reason, ...(error === undefined ? {} : { error }) });
    }
    // The events are in the log already, so a failing metric must not fail the redirect that called.
    try {
      this.metrics.addMetric(UNSENT_EVENTS_METRIC, MetricUnit.Count, events.length);
      this.metrics.publishStoredMetrics();
    } catch (metricError) {
      this.logger.warn('unsent event metric failed', { error: metricError, events: events.length });
    }
  }
}
