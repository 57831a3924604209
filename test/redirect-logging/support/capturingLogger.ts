import { Logger } from '@aws-lambda-powertools/logger';
import type { LogItem } from '@aws-lambda-powertools/logger';
import type { MetricsRecorder } from '../../../functions/redirect-logging/redirectLoggingMetrics';

/** A Powertools logger that keeps each JSON line in `lines` instead of writing it to stdout. */
export class CapturingLogger extends Logger {
  readonly lines: string[] = [];

  constructor() {
    super({ serviceName: 'form-router' });
  }

  protected override printLog(_logLevel: number, log: LogItem): void {
    this.lines.push(JSON.stringify(log.getAttributes()));
  }
}

/** Metrics recorder that sums each metric by name. */
export class CountingMetrics implements MetricsRecorder {
  readonly totals = new Map<string, number>();
  published = 0;

  addMetric(name: string, _unit: unknown, value: number): void {
    this.totals.set(name, (this.totals.get(name) ?? 0) + value);
  }

  publishStoredMetrics(): void {
    this.published++;
  }
}
