import {
  describeValue,
  findResources,
  functionLogicalId,
  grantsOf,
  PACKAGE_TIMEOUT_MS,
  packageService,
  resourceOf,
  roleOfFunction,
} from '../support/packageTemplate';
import type { CloudFormationTemplate } from '../support/packageTemplate';

const LOG_WRITER = functionLogicalId('logWriter');

let template: CloudFormationTemplate;

beforeAll(async () => {
  template = (await packageService()).template;
}, PACKAGE_TIMEOUT_MS);

function propertiesOf(logicalId: string, type: string): Record<string, unknown> {
  return resourceOf(template, logicalId, type).Properties ?? {};
}

function logWriterEventSource(): Record<string, unknown> {
  const mappings = Object.values(findResources(template, 'AWS::Lambda::EventSourceMapping'))
    .map((mapping) => mapping.Properties ?? {})
    .filter((properties) => describeValue(properties.FunctionName) === `${LOG_WRITER}.Arn`);
  expect(mappings).toHaveLength(1);

  return mappings[0] ?? {};
}

describe('log writer function', () => {
  it('runs the log-writer handler', () => {
    const properties = propertiesOf(LOG_WRITER, 'AWS::Lambda::Function');

    expect(properties.Handler).toBe('functions/redirect-logging/logWriterHandler.handler');
    expect(properties.Timeout).toEqual(expect.any(Number));
  });

  it('reads the redirect events queue', () => {
    expect(describeValue(logWriterEventSource().EventSourceArn)).toBe('RedirectEventsQueue.Arn');
  });

  it('batches messages within a batching window', () => {
    const source = logWriterEventSource();

    expect(source.BatchSize).toBe(100);
    expect(source.MaximumBatchingWindowInSeconds).toBe(5);
  });

  it('reports partial batch failures', () => {
    expect(logWriterEventSource().FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });
});

describe('redirect events queue', () => {
  it('moves a message to the dead-letter queue after five receives', () => {
    const redrive = propertiesOf('RedirectEventsQueue', 'AWS::SQS::Queue').RedrivePolicy as Record<string, unknown>;

    expect(describeValue(redrive.deadLetterTargetArn)).toBe('RedirectEventsDeadLetterQueue.Arn');
    expect(redrive.maxReceiveCount).toBe(5);
  });

  it('hides a message for at least six function timeouts', () => {
    const timeout = Number(propertiesOf(LOG_WRITER, 'AWS::Lambda::Function').Timeout);
    const visibilityTimeout = Number(propertiesOf('RedirectEventsQueue', 'AWS::SQS::Queue').VisibilityTimeout);

    expect(visibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('keeps dead letters longer than the queue keeps messages', () => {
    const queueRetention = Number(propertiesOf('RedirectEventsQueue', 'AWS::SQS::Queue').MessageRetentionPeriod);
    const deadLetterRetention = Number(propertiesOf('RedirectEventsDeadLetterQueue', 'AWS::SQS::Queue').MessageRetentionPeriod);

    expect(deadLetterRetention).toBeGreaterThan(queueRetention);
  });
});

describe('log writer role', () => {
  it('grants log item writes, queue reads and logs only', () => {
    const role = roleOfFunction(template, LOG_WRITER);

    expect(grantsOf(template, role)).toEqual([
      { action: 'dynamodb:BatchWriteItem', resource: 'RedirectLogsTable.Arn' },
      { action: 'logs:CreateLogStream', resource: 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/form-router-test-logWriter:*' },
      { action: 'logs:PutLogEvents', resource: 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/form-router-test-logWriter:*' },
      { action: 'sqs:DeleteMessage', resource: 'RedirectEventsQueue.Arn' },
      { action: 'sqs:GetQueueAttributes', resource: 'RedirectEventsQueue.Arn' },
      { action: 'sqs:ReceiveMessage', resource: 'RedirectEventsQueue.Arn' },
    ]);
  });

  it('matches the log group osls creates for the function', () => {
    const logGroup = propertiesOf('LogWriterLogGroup', 'AWS::Logs::LogGroup');

    expect(logGroup.LogGroupName).toBe('/aws/lambda/form-router-test-logWriter');
  });
});
