import path from 'node:path';
import { DynamoRuleStore } from '../../functions/rule-store/dynamoRuleStore';
import { ensureTables, startDynalite } from '../../functions/local/dynaliteServer';
import { createPublishDependencies } from '../../functions/publishing/publishDependencies';
import type { PublishDependencies } from '../../functions/publishing/publishDependencies';
import { LocalWorkflowRunner } from '../../functions/publishing/workflow/localWorkflowRunner';
import type { LocalWorkflowRunnerOptions } from '../../functions/publishing/workflow/localWorkflowRunner';
import { loadPublishDefinition, taskStateNames } from '../../functions/publishing/workflow/publishDefinition';
import { RULES_DIR, loadRuleSet } from '../../functions/ruleset/loadRuleSet';
import type { RuleSet } from '../../functions/ruleset/ruleSet';
import { createDynamoDocumentClient } from '../../functions/shared/awsClients';
import { loadConfig } from '../../functions/shared/config';
import { rulesTableDefinition } from '../../functions/shared/tables';

/** Every task state retries after 10 ms instead of its `Retry` intervals. */
export const FAST_RETRIES = Object.fromEntries(taskStateNames(loadPublishDefinition()).map((state) => [state, 10]));

/** The publish workflow on dynalite: a rule store, its dependencies and runners over the real state machine file. */
export interface PublishingHarness {
  store: DynamoRuleStore;
  deps: PublishDependencies;
  /** A runner with short retry pauses and the given overrides. */
  runner(options?: Omit<LocalWorkflowRunnerOptions, 'deps'>): LocalWorkflowRunner;
  close(): Promise<void>;
}

/** Starts dynalite on loopback with the rules table. */
export async function startPublishingHarness(): Promise<PublishingHarness> {
  const dynamo = await startDynalite();
  const config = loadConfig({ FORM_ROUTER_DYNAMODB_ENDPOINT: dynamo.endpoint, FORM_ROUTER_RULES_TABLE: 'rules' });
  await ensureTables(dynamo.endpoint, [rulesTableDefinition(config.rulesTable)]);
  const client = createDynamoDocumentClient(config);
  const store = new DynamoRuleStore({ tableName: config.rulesTable, client });
  const deps = createPublishDependencies(store);

  return {
    store,
    deps,
    runner: (options = {}) => new LocalWorkflowRunner({ deps, retryIntervalOverrides: FAST_RETRIES, ...options }),
    close: async () => {
      client.destroy();
      await dynamo.close();
    },
  };
}

/** Loads the sample rule set `rules/acme/`. */
export function acmeRuleSet(): RuleSet {
  return loadRuleSet(path.join(RULES_DIR, 'acme'));
}

/** Returns the acme rule set with one more state on its auto-agent rule: valid, with new content. */
export function acmeWithAgentState(state: string): RuleSet {
  const ruleSet = acmeRuleSet();
  const rule = ruleSet.rules.find((candidate) => candidate.name === 'auto-agent-states');
  const condition = (rule?.conditions as { all: { fact: string; value: string[] }[] }).all.find((leaf) => leaf.fact === 'state');
  condition?.value.push(state);

  return ruleSet;
}

/** Returns the acme rule set with a rule that names a form `forms` does not define. */
export function acmeWithUnknownForm(): RuleSet {
  const ruleSet = acmeRuleSet();
  ruleSet.rules[0]!.event.params.form = 'no-such-form';

  return ruleSet;
}

/** Returns the acme rule set whose first expectation expects Georgia auto on the agent form. */
export function acmeWithWrongExpectation(): RuleSet {
  const ruleSet = acmeRuleSet();
  ruleSet.expectations[0]!.expect.form = 'auto-agent';

  return ruleSet;
}
