/** The publish use case wired as `form-router rules publish` wires it locally, on an in-memory dynalite of its own. */
import { ensureTables, startDynalite } from '../functions/local/dynaliteServer';
import { publishBrand } from '../functions/publishing/publishBrand';
import { createPublishDependencies } from '../functions/publishing/publishDependencies';
import { LocalWorkflowRunner } from '../functions/publishing/workflow/localWorkflowRunner';
import { DynamoRuleStore } from '../functions/rule-store/dynamoRuleStore';
import type { RuleSet } from '../functions/ruleset/ruleSet';
import { createDynamoDocumentClient } from '../functions/shared/awsClients';
import { loadConfig } from '../functions/shared/config';
import { rulesTableDefinition } from '../functions/shared/tables';

export interface LocalPublishing {
  store: DynamoRuleStore;
  runner: LocalWorkflowRunner;
  close(): Promise<void>;
}

/** Starts dynalite in memory on loopback with the rules table, a rule store on it and the local workflow runner. */
export async function startLocalPublishing(): Promise<LocalPublishing> {
  const dynamo = await startDynalite();
  const config = loadConfig({ FORM_ROUTER_DYNAMODB_ENDPOINT: dynamo.endpoint, FORM_ROUTER_RULES_TABLE: 'bench-rules' });
  await ensureTables(dynamo.endpoint, [rulesTableDefinition(config.rulesTable)]);
  const client = createDynamoDocumentClient(config);
  const store = new DynamoRuleStore({ tableName: config.rulesTable, client });
  const runner = new LocalWorkflowRunner({ deps: createPublishDependencies(store) });

  const close = async () => {
    client.destroy();
    await dynamo.close();
  };
  return { store, runner, close };
}

/**
 * Publishes the rule set through the workflow and returns the elapsed nanoseconds. Throws unless
 * the run activates a new version, so that a rejected or unchanged run is never reported as a time.
 */
export async function timePublish(publishing: LocalPublishing, ruleSet: RuleSet): Promise<number> {
  const started = process.hrtime.bigint();
  const result = await publishBrand({ ruleSet, actor: 'bench', store: publishing.store, runner: publishing.runner });
  const elapsed = Number(process.hrtime.bigint() - started);

  if (result.outcome !== 'activated') {
    throw new Error(`Publishing brand ${result.brand} ended ${result.outcome}, expected activated: ${result.errors.join('; ') || 'no errors recorded'}`);
  }

  return elapsed;
}
