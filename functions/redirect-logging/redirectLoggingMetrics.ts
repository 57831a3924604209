import { Metrics } from '@aws-lambda-powertools/metrics';
import type { MetricUnit } from '@aws-lambda-powertools/metrics/types';

/** Name of the count of redirect events that reached the structured log instead of the queue. */
export const UNSENT_EVENTS_METRIC = 'RedirectEventsUnsent';

/** The part of Powertools `Metrics` the producer uses, so tests can count without parsing EMF output. */
export interface MetricsRecorder {
  addMetric(name: string, unit: MetricUnit, value: number): void;
  publishStoredMetrics(): void;
}

/**
 * Metrics of the redirect-logging context, written as CloudWatch embedded metric format to stdout.
 * Created once per process so warm Lambda invocations reuse it.
 */
export const redirectLoggingMetrics: MetricsRecorder = new Metrics({ namespace: 'FormRouter', serviceName: 'form-router' });
