/**
 * Configuration, read from the environment in one place. Every Form Router variable starts with
 * `FORM_ROUTER_`; an unknown one is rejected so that a typo does not silently fall back to a default.
 */
export interface FormRouterConfig {
  /** DynamoDB table of rule-set versions, active pointers and publish history. */
  rulesTable: string;
  /** DynamoDB table of redirect logs. */
  logsTable: string;
  /** SQS queue of redirect events; `undefined` writes events to the structured log only. */
  redirectQueueUrl: string | undefined;
  /** Seconds between two reads of the active-version pointers on the hot path. */
  refreshSeconds: number;
  /** Milliseconds a Lambda redirect may spend sending its event before giving up on the queue. */
  eventSendBudgetMs: number;
  /** Days a redirect log is kept before its TTL expires. */
  logRetentionDays: number;
  /** Hosts of Form Router itself; a form URL on one of them would loop and is rejected. */
  serviceHosts: string[];
  /** ARN of the publish state machine, for starting executions in AWS. */
  publishStateMachineArn: string | undefined;
  region: string;
  /** Local endpoints (dynalite, local-aws-sqs); `undefined` uses the AWS default. */
  endpoints: { dynamodb?: string; sqs?: string; stepFunctions?: string };
}

const KNOWN_KEYS = new Set([
  'FORM_ROUTER_RULES_TABLE',
  'FORM_ROUTER_LOGS_TABLE',
  'FORM_ROUTER_REDIRECT_QUEUE_URL',
  'FORM_ROUTER_REFRESH_SECONDS',
  'FORM_ROUTER_EVENT_SEND_BUDGET_MS',
  'FORM_ROUTER_LOG_RETENTION_DAYS',
  'FORM_ROUTER_SERVICE_HOSTS',
  'FORM_ROUTER_PUBLISH_STATE_MACHINE_ARN',
  'FORM_ROUTER_DYNAMODB_ENDPOINT',
  'FORM_ROUTER_SQS_ENDPOINT',
  'FORM_ROUTER_STEPFUNCTIONS_ENDPOINT',
]);

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'invalid_config';
}

/** Reads and validates the configuration; throws `ConfigError` naming the variable and the accepted values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): FormRouterConfig {
  const unknown = Object.keys(env).filter((key) => key.startsWith('FORM_ROUTER_') && !KNOWN_KEYS.has(key));
  if (unknown.length > 0) {
    throw new ConfigError(`Unknown configuration variable ${unknown.join(', ')}; accepted: ${[...KNOWN_KEYS].join(', ')}`);
  }

  return {
    rulesTable: env.FORM_ROUTER_RULES_TABLE ?? 'form-router-rules',
    logsTable: env.FORM_ROUTER_LOGS_TABLE ?? 'form-router-redirect-logs',
    redirectQueueUrl: nonEmpty(env.FORM_ROUTER_REDIRECT_QUEUE_URL),
    refreshSeconds: readNumber(env, 'FORM_ROUTER_REFRESH_SECONDS', 10, 0, 3600),
    eventSendBudgetMs: readNumber(env, 'FORM_ROUTER_EVENT_SEND_BUDGET_MS', 50, 1, 10_000),
    logRetentionDays: readNumber(env, 'FORM_ROUTER_LOG_RETENTION_DAYS', 90, 1, 3650),
    serviceHosts: (env.FORM_ROUTER_SERVICE_HOSTS ?? '')
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter((host) => host.length > 0),
    publishStateMachineArn: nonEmpty(env.FORM_ROUTER_PUBLISH_STATE_MACHINE_ARN),
    region: env.AWS_REGION ?? 'us-east-1',
    endpoints: {
      dynamodb: nonEmpty(env.FORM_ROUTER_DYNAMODB_ENDPOINT),
      sqs: nonEmpty(env.FORM_ROUTER_SQS_ENDPOINT),
      stepFunctions: nonEmpty(env.FORM_ROUTER_STEPFUNCTIONS_ENDPOINT),
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function readNumber(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[key]);
  if (raw === undefined) {
    return fallback;
  }

  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`Invalid ${key} "${raw}": expected a number from ${min} to ${max}`);
  }
  return value;
}
