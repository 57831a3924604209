import { loadPublishDefinition, taskStateNames } from '../../functions/publishing/workflow/publishDefinition';
import { describeValue, functionLogicalId, grantsOf, PACKAGE_TIMEOUT_MS, packageService, resourceOf, roleOfFunction } from '../support/packageTemplate';
import type { CloudFormationTemplate } from '../support/packageTemplate';

/** The publish state machine file, as the local runner reads it. */
const definition = loadPublishDefinition();
const taskStates = taskStateNames(definition);

/** Returns the `functions:` key a task state names in `Fn::GetAtt`, e.g. `publishValidate`. */
function functionKeyOf(state: string): string {
  const resource = (definition.States[state] as unknown as { Resource: { 'Fn::GetAtt': [string, string] } }).Resource;

  return resource['Fn::GetAtt'][0];
}

const taskFunctionKeys = [...new Set(taskStates.map(functionKeyOf))].sort();
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** Rules-table actions each task function's step calls on the rule store. */
const TABLE_ACTIONS: Record<string, string[]> = {
  publishValidate: ['dynamodb:GetItem', 'dynamodb:Query'],
  publishRunExpectations: ['dynamodb:GetItem', 'dynamodb:Query'],
  publishCompile: ['dynamodb:GetItem', 'dynamodb:Query'],
  publishDiff: ['dynamodb:GetItem', 'dynamodb:Query'],
  publishStoreVersion: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
  publishActivate: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
  publishRecordHistory: ['dynamodb:PutItem'],
  publishRecordFailure: ['dynamodb:GetItem', 'dynamodb:PutItem'],
};

let template: CloudFormationTemplate;

beforeAll(async () => {
  template = (await packageService()).template;
}, PACKAGE_TIMEOUT_MS);

/** Returns the packaged states, and the value that replaces each `${name}` placeholder of their `Fn::Sub`. */
function packagedDefinition(): { states: Record<string, Record<string, unknown>>; parameters: Record<string, unknown> } {
  const definitionString = resourceOf(template, 'PublishStateMachine', 'AWS::StepFunctions::StateMachine').Properties?.DefinitionString as { 'Fn::Sub': [string, Record<string, unknown>] };
  const [text, parameters] = definitionString['Fn::Sub'];

  return { states: (JSON.parse(text) as { States: Record<string, Record<string, unknown>> }).States, parameters };
}

/**
 * States without their `Resource`, which packaging replaces, and without `QueryLanguage:
 * "JSONPath"`, the default that the plugin's asl-validator writes into each state it validates.
 */
function comparable(states: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(states).map(([name, state]) => {
      const { Resource: _resource, QueryLanguage: language, ...rest } = state as Record<string, unknown>;
      return [name, language === undefined || language === 'JSONPath' ? rest : { ...rest, QueryLanguage: language }];
    }),
  );
}

/** Returns the logical id of the Lambda function a packaged task state invokes. */
function invokedFunction(state: string): string {
  const { states, parameters } = packagedDefinition();
  const placeholder = /^\$\{(.+)\}$/.exec(String(states[state]?.Resource))?.[1] ?? '';

  return describeValue(parameters[placeholder]).replace(/\.Arn$/, '');
}

describe('publish state machine', () => {
  it('is packaged from statemachines/publish.asl.json', () => {
    const { states } = packagedDefinition();

    expect(comparable(states)).toEqual(comparable(definition.States as unknown as Record<string, unknown>));
    expect(resourceOf(template, 'PublishStateMachine', 'AWS::StepFunctions::StateMachine').Properties?.StateMachineName).toBe('form-router-test-publish');
  });

  it.each(taskStates)('runs the function of its task in %s', (state) => {
    const functionKey = functionKeyOf(state);
    const moduleName = functionKey.replace(/^publish/, '').replace(/^./, (letter) => letter.toLowerCase());

    expect(invokedFunction(state)).toBe(functionLogicalId(functionKey));
    expect(resourceOf(template, functionLogicalId(functionKey), 'AWS::Lambda::Function').Properties?.Handler).toBe(`functions/publishing/tasks/${moduleName}.handler`);
  });

  it('may invoke exactly the task functions', () => {
    const role = describeValue(resourceOf(template, 'PublishStateMachine', 'AWS::StepFunctions::StateMachine').Properties?.RoleArn).replace(/\.Arn$/, '');

    expect(grantsOf(template, role)).toEqual(taskFunctionKeys.map((key) => ({ action: 'lambda:InvokeFunction', resource: `${functionLogicalId(key)}.Arn` })).sort((a, b) => a.resource.localeCompare(b.resource)));
  });

  it('exports its ARN for the command line', () => {
    expect(describeValue(template.Outputs?.PublishStateMachineArn?.Value)).toBe('PublishStateMachine');
  });
});

describe('publish task function roles', () => {
  it('cover every task function', () => {
    expect(Object.keys(TABLE_ACTIONS).sort()).toEqual(taskFunctionKeys);
  });

  it.each(Object.entries(TABLE_ACTIONS))('grant %s its log group and its rules-table actions only', (functionKey, tableActions) => {
    const logGroup = `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/form-router-test-${functionKey}:*`;
    const expected = [
      ...tableActions.map((action) => ({ action, resource: 'RulesTable.Arn' })),
      ...LOG_ACTIONS.map((action) => ({ action, resource: logGroup })),
    ].sort((a, b) => a.action.localeCompare(b.action) || a.resource.localeCompare(b.resource));

    expect(grantsOf(template, roleOfFunction(template, functionLogicalId(functionKey)))).toEqual(expected);
  });
});
