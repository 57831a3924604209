/** One resource of a CloudFormation template, as `serverless package` writes it. */
export interface CloudFormationResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The parts of a CloudFormation template that the packaging tests read. */
export interface CloudFormationTemplate {
  Resources: Record<string, CloudFormationResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string }>;
}

/** One IAM statement with `Action` and `Resource` as arrays, whichever form the template used. */
export interface PolicyStatement {
  effect: string;
  actions: string[];
  /** Resources rendered by `describeValue`, e.g. `RulesTable.Arn`. */
  resources: string[];
}

/** One action allowed on one resource. */
export interface Grant {
  action: string;
  resource: string;
}

/** Returns the resources of one type, by logical id. */
export function findResources(template: CloudFormationTemplate, type: string): Record<string, CloudFormationResource> {
  const entries = Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

  return Object.fromEntries(entries);
}

/** Returns one resource; throws naming the ids of that type when the id is missing or has another type. */
export function resourceOf(template: CloudFormationTemplate, logicalId: string, type: string): CloudFormationResource {
  const resource = template.Resources[logicalId];
  if (resource?.Type !== type) {
    const known = Object.keys(findResources(template, type)).join(', ') || 'none';
    throw new Error(`No ${type} with logical id ${logicalId} in the template; resources of that type: ${known}`);
  }

  return resource;
}

/** Returns the logical id osls gives the Lambda function of a `functions:` key (`log-writer` → `LogDashwriterLambdaFunction`). */
export function functionLogicalId(functionKey: string): string {
  const normalized = functionKey.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');

  return `${normalized.charAt(0).toUpperCase()}${normalized.slice(1)}LambdaFunction`;
}

/** Returns the logical id of a function's role; throws when `Role` is not `Fn::GetAtt` of a role in the template. */
export function roleOfFunction(template: CloudFormationTemplate, lambdaLogicalId: string): string {
  const role = resourceOf(template, lambdaLogicalId, 'AWS::Lambda::Function').Properties?.Role;
  const roleId = getAttTarget(role, 'Arn');
  if (roleId === undefined) {
    throw new Error(`Role of ${lambdaLogicalId} is ${JSON.stringify(role)}; expected Fn::GetAtt [<role id>, Arn]`);
  }

  resourceOf(template, roleId, 'AWS::IAM::Role');
  return roleId;
}

/**
 * Returns the statements that apply to a role: its inline `Policies` and every AWS::IAM::Policy or
 * AWS::IAM::ManagedPolicy whose `Roles` reference it. Managed policy ARNs are not expanded.
 * Throws on `NotAction` or `NotResource`, which a list of grants cannot express.
 */
export function policyStatementsOf(template: CloudFormationTemplate, roleLogicalId: string): PolicyStatement[] {
  const role = resourceOf(template, roleLogicalId, 'AWS::IAM::Role');
  const inline = asArray(role.Properties?.Policies).map((policy) => (policy as { PolicyDocument: unknown }).PolicyDocument);
  const attached = Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy')
    .filter((resource) => asArray(resource.Properties?.Roles).some((ref) => isRefTo(ref, roleLogicalId)))
    .map((resource) => resource.Properties?.PolicyDocument);

  return [...inline, ...attached].flatMap((document) => asArray((document as { Statement: unknown }).Statement)).map((statement) => normalizeStatement(roleLogicalId, statement));
}

/** Returns the sorted, distinct actions that a role's statements allow. */
export function policyActionsOf(template: CloudFormationTemplate, roleLogicalId: string): string[] {
  const actions = policyStatementsOf(template, roleLogicalId)
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => statement.actions);

  return [...new Set(actions)].sort();
}

/** Returns every allowed (action, resource) pair of a role, sorted by action, then resource. */
export function grantsOf(template: CloudFormationTemplate, roleLogicalId: string): Grant[] {
  const grants = policyStatementsOf(template, roleLogicalId)
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => statement.actions.flatMap((action) => statement.resources.map((resource) => ({ action, resource }))));

  return grants.sort((a, b) => a.action.localeCompare(b.action) || a.resource.localeCompare(b.resource));
}

/** Returns each HTTP API route key (`GET /v1/resolve`) with the logical id of the Lambda function its integration invokes. */
export function httpApiRoutesOf(template: CloudFormationTemplate): Array<{ routeKey: string; lambdaLogicalId: string | undefined }> {
  return Object.values(findResources(template, 'AWS::ApiGatewayV2::Route')).map((route) => {
    const integrationId = describeValue(route.Properties?.Target).replace(/^integrations\//, '');
    const integration = template.Resources[integrationId];

    return {
      routeKey: String(route.Properties?.RouteKey),
      lambdaLogicalId: getAttTarget(integration?.Properties?.IntegrationUri, 'Arn'),
    };
  });
}

/**
 * Renders a template value as text: `{Ref: X}` → `X`, `Fn::GetAtt [X, Arn]` → `X.Arn`, `Fn::Sub`
 * → its template string, `Fn::Join` → the joined parts. Other objects become JSON.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }

  const intrinsic = value as Record<string, unknown>;
  if (typeof intrinsic?.Ref === 'string') {
    return intrinsic.Ref;
  }
  const getAtt = intrinsic?.['Fn::GetAtt'];
  if (Array.isArray(getAtt)) {
    return getAtt.join('.');
  }
  const sub = intrinsic?.['Fn::Sub'];
  if (sub !== undefined) {
    return Array.isArray(sub) ? String(sub[0]) : String(sub);
  }
  const join = intrinsic?.['Fn::Join'];
  if (Array.isArray(join)) {
    return asArray(join[1]).map(describeValue).join(String(join[0]));
  }
  return JSON.stringify(value);
}

function normalizeStatement(roleLogicalId: string, raw: unknown): PolicyStatement {
  const statement = raw as Record<string, unknown>;
  if ('NotAction' in statement || 'NotResource' in statement) {
    throw new Error(`A statement of ${roleLogicalId} uses NotAction or NotResource: ${JSON.stringify(statement)}`);
  }

  return {
    effect: String(statement.Effect),
    actions: asArray(statement.Action).map(String),
    resources: asArray(statement.Resource).map(describeValue),
  };
}

function getAttTarget(value: unknown, attribute: string): string | undefined {
  const getAtt = (value as Record<string, unknown> | undefined)?.['Fn::GetAtt'];
  if (!Array.isArray(getAtt) || getAtt[1] !== attribute) {
    return undefined;
  }

  return String(getAtt[0]);
}

function isRefTo(value: unknown, logicalId: string): boolean {
  return (value as Record<string, unknown> | undefined)?.Ref === logicalId;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) {
    return [];
  }

  return Array.isArray(value) ? value : [value];
}
