import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsClient } from '../shared/awsClients';
import type { FormRouterConfig } from '../shared/config';
import { logger } from '../shared/logger';
import { BatchingSqsRedirectEventSink } from './batchingSqsRedirectEventSink';
import { LoggingRedirectEventSink } from './loggingRedirectEventSink';
import type { RedirectEventSink } from './redirectEvent';
import { redirectLoggingMetrics } from './redirectLoggingMetrics';
import type { MetricsRecorder } from './redirectLoggingMetrics';
import { SqsRedirectEventSink } from './sqsRedirectEventSink';
import { UnsentEventRecorder } from './unsentRedirectEvents';
import type { StructuredLogger } from './unsentRedirectEvents';

/**
 * `lambda`: each `send` waits for its own `SendMessage` within `config.eventSendBudgetMs`.
 * `batching`: `send` buffers and batches go out in the background (long-running processes only).
 */
export type RedirectEventSinkMode = 'lambda' | 'batching';

/** Replacements for the default client, logger and metrics, for tests and the local runtime. */
export interface RedirectEventSinkDependencies {
  sqsClient?: SQSClient;
  logger?: StructuredLogger;
  metrics?: MetricsRecorder;
}

/**
 * Creates the redirect event sink for this configuration: SQS when `config.redirectQueueUrl` is
 * set, otherwise the structured log. Does not throw and makes no network call.
 */
export function createRedirectEventSink(
  config: FormRouterConfig,
  mode: RedirectEventSinkMode,
  dependencies: RedirectEventSinkDependencies = {},
): RedirectEventSink {
  const unsent = new UnsentEventRecorder(dependencies.logger ?? logger, dependencies.metrics ?? redirectLoggingMetrics);
  const queueUrl = config.redirectQueueUrl;
  if (queueUrl === undefined) {
    return new LoggingRedirectEventSink(unsent);
  }

  const client = dependencies.sqsClient ?? createSqsClient(config);
  if (mode === 'lambda') {
    return new SqsRedirectEventSink({ client, queueUrl, budgetMs: config.eventSendBudgetMs, unsent });
  }
  return new BatchingSqsRedirectEventSink({ client, queueUrl, unsent });
}
