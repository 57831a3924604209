import { join } from 'node:path';
import { loadConfig } from '../../functions/shared/config';
import { logsTableDefinition, rulesTableDefinition } from '../../functions/shared/tables';
import {
  describeValue,
  findResources,
  functionLogicalId,
  grantsOf,
  httpApiRoutesOf,
  PACKAGE_TIMEOUT_MS,
  packageService,
  policyStatementsOf,
  resourceOf,
  roleOfFunction,
  zipEntryNames,
} from '../support/packageTemplate';
import type { CloudFormationTemplate, PackagedService } from '../support/packageTemplate';

const REDIRECT = functionLogicalId('redirect');
const MAX_REDIRECT_ZIP_BYTES = 600 * 1024;

let packaged: PackagedService;
let template: CloudFormationTemplate;

beforeAll(async () => {
  packaged = await packageService();
  template = packaged.template;
}, PACKAGE_TIMEOUT_MS);

function propertiesOf(logicalId: string, type: string): Record<string, unknown> {
  return resourceOf(template, logicalId, type).Properties ?? {};
}

function environmentOf(lambdaLogicalId: string): Record<string, unknown> {
  const environment = propertiesOf(lambdaLogicalId, 'AWS::Lambda::Function').Environment as { Variables?: Record<string, unknown> } | undefined;

  return environment?.Variables ?? {};
}

describe('redirect function', () => {
  it('runs the HTTP handler on Node.js 22 for arm64', () => {
    const properties = propertiesOf(REDIRECT, 'AWS::Lambda::Function');

    expect(properties.Runtime).toBe('nodejs22.x');
    expect(properties.Handler).toBe('functions/routing/http/handler.handler');
    expect(properties.Architectures).toEqual(['arm64']);
    expect(properties.MemorySize).toBe(256);
    expect(properties.Timeout).toBe(5);
  });

  it.each([
    ['FORM_ROUTER_RULES_TABLE', { Ref: 'RulesTable' }],
    ['FORM_ROUTER_LOGS_TABLE', { Ref: 'RedirectLogsTable' }],
    ['FORM_ROUTER_REDIRECT_QUEUE_URL', { Ref: 'RedirectEventsQueue' }],
    ['FORM_ROUTER_REFRESH_SECONDS', '10'],
    ['FORM_ROUTER_EVENT_SEND_BUDGET_MS', '50'],
    ['POWERTOOLS_SERVICE_NAME', 'form-router'],
    ['NODE_OPTIONS', '--enable-source-maps'],
  ])('sets %s', (name, expected) => {
    expect(environmentOf(REDIRECT)[name]).toEqual(expected);
  });

  it('names its own API host as a service host', () => {
    expect(describeValue(environmentOf(REDIRECT).FORM_ROUTER_SERVICE_HOSTS)).toBe('${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}');
  });

  it('has a zip under 600 KB with the bundled handler', () => {
    const bytes = packaged.zipSizes['redirect.zip'];

    expect(bytes).toBeDefined();
    expect(bytes).toBeLessThanOrEqual(MAX_REDIRECT_ZIP_BYTES);
    expect(zipEntryNames(join(packaged.directory, 'redirect.zip'))).toContain('functions/routing/http/handler.js');
  });
});

describe('every function', () => {
  const lambdaIds = (): string[] => Object.keys(findResources(template, 'AWS::Lambda::Function'));

  it('has an environment that loadConfig accepts', () => {
    const rejected = lambdaIds().flatMap((lambdaId) => {
      const variables = Object.entries(environmentOf(lambdaId)).map(([name, value]) => [name, describeValue(value)]);
      try {
        loadConfig(Object.fromEntries(variables));
        return [];
      } catch (error) {
        return [{ lambdaId, error: (error as Error).message }];
      }
    });

    expect(rejected).toEqual([]);
  });

  it('uses a role declared under resources, never the shared default role', () => {
    const roleIds = lambdaIds().map((lambdaId) => roleOfFunction(template, lambdaId));

    expect(template.Resources.IamRoleLambdaExecution).toBeUndefined();
    expect(roleIds).not.toContain('IamRoleLambdaExecution');
  });

  it('has a role without managed policies', () => {
    const roleIds = lambdaIds().map((lambdaId) => roleOfFunction(template, lambdaId));
    const withManagedPolicies = roleIds.filter((roleId) => propertiesOf(roleId, 'AWS::IAM::Role').ManagedPolicyArns !== undefined);

    expect(withManagedPolicies).toEqual([]);
  });

  it('has a role without wildcard actions', () => {
    const wildcards = lambdaIds().flatMap((lambdaId) => {
      const roleId = roleOfFunction(template, lambdaId);
      const actions = policyStatementsOf(template, roleId).flatMap((statement) => statement.actions);

      return actions.filter((action) => action.includes('*')).map((action) => ({ roleId, action }));
    });

    expect(wildcards).toEqual([]);
  });

  it('has a role with wildcard resources only for CloudWatch Logs', () => {
    const wildcards = lambdaIds().flatMap((lambdaId) => {
      const roleId = roleOfFunction(template, lambdaId);
      const grants = grantsOf(template, roleId).filter((grant) => grant.resource.includes('*') && !grant.action.startsWith('logs:'));

      return grants.map((grant) => ({ roleId, ...grant }));
    });

    expect(wildcards).toEqual([]);
  });
});

describe('redirect function role', () => {
  it('grants rule reads, queue sends and logs only', () => {
    const logGroup = 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/form-router-test-redirect:*';

    expect(grantsOf(template, roleOfFunction(template, REDIRECT))).toEqual([
      { action: 'dynamodb:GetItem', resource: 'RulesTable.Arn' },
      { action: 'dynamodb:Query', resource: 'RulesTable.Arn' },
      { action: 'logs:CreateLogStream', resource: logGroup },
      { action: 'logs:PutLogEvents', resource: logGroup },
      { action: 'sqs:SendMessage', resource: 'RedirectEventsQueue.Arn' },
    ]);
  });

  it('matches the log group osls creates for the function', () => {
    expect(propertiesOf('RedirectLogGroup', 'AWS::Logs::LogGroup').LogGroupName).toBe('/aws/lambda/form-router-test-redirect');
  });
});

describe('HTTP API', () => {
  it.each(['GET /v1/redirect', 'GET /v1/resolve', 'POST /v1/resolve', 'GET /health', 'GET /openapi.json'])('routes %s to the redirect function', (routeKey) => {
    const route = httpApiRoutesOf(template).find((candidate) => candidate.routeKey === routeKey);

    expect(route?.lambdaLogicalId).toBe(REDIRECT);
  });

  it('has no routes beyond version 1 of the API', () => {
    expect(httpApiRoutesOf(template).map((route) => route.routeKey).sort()).toEqual(
      ['GET /health', 'GET /openapi.json', 'GET /v1/redirect', 'GET /v1/resolve', 'POST /v1/resolve'],
    );
  });

  it('allows cross-origin GET and POST from any origin', () => {
    const [apiId] = Object.keys(findResources(template, 'AWS::ApiGatewayV2::Api'));
    const cors = propertiesOf(String(apiId), 'AWS::ApiGatewayV2::Api').CorsConfiguration as Record<string, unknown>;

    expect(cors.AllowOrigins).toEqual(['*']);
    expect(cors.AllowMethods).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect(cors.AllowHeaders).toEqual(expect.arrayContaining(['Content-Type']));
  });
});

describe('tables', () => {
  it.each([
    ['RulesTable', rulesTableDefinition('unused')],
    ['RedirectLogsTable', logsTableDefinition('unused')],
  ])('%s has the keys of functions/shared/tables.ts', (logicalId, definition) => {
    const properties = propertiesOf(logicalId, 'AWS::DynamoDB::Table');

    expect(properties.KeySchema).toEqual(definition.KeySchema);
    expect(properties.AttributeDefinitions).toEqual(definition.AttributeDefinitions);
    expect(properties.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('keeps the rules table on stack deletion with point-in-time recovery', () => {
    const table = resourceOf(template, 'RulesTable', 'AWS::DynamoDB::Table');

    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties?.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('expires redirect logs by expiresAt', () => {
    expect(propertiesOf('RedirectLogsTable', 'AWS::DynamoDB::Table').TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
  });
});

describe('redirect events queue', () => {
  it('sends poison messages to the dead-letter queue', () => {
    const redrive = propertiesOf('RedirectEventsQueue', 'AWS::SQS::Queue').RedrivePolicy as Record<string, unknown>;

    resourceOf(template, 'RedirectEventsDeadLetterQueue', 'AWS::SQS::Queue');
    expect(describeValue(redrive.deadLetterTargetArn)).toBe('RedirectEventsDeadLetterQueue.Arn');
    expect(redrive.maxReceiveCount).toEqual(expect.any(Number));
  });
});
