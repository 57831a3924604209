import { userInfo } from 'node:os';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { connectOrStartEmbedded } from '../../local/embeddedRuntime';
import { createLocalWorkflowRunner } from '../../publishing/workflow/localWorkflowRunner';
import type { PublishWorkflowRunner } from '../../publishing/workflow/publishWorkflowRunner';
import { SfnWorkflowStarter } from '../../publishing/workflow/sfnWorkflowStarter';
import { DynamoRuleStore } from '../../rule-store/dynamoRuleStore';
import type { RuleStore } from '../../rule-store/ruleStore';
import { createDynamoDocumentClient, createSfnClient } from '../../shared/awsClients';
import { loadConfig } from '../../shared/config';
import type { FormRouterConfig } from '../../shared/config';

/** The rule store and the workflow runner a publish, rollback or history command works on. */
export interface PublishBackend {
  store: RuleStore;
  runner: PublishWorkflowRunner;
  /** Name of the place the commands work on, for messages: `local` or `stage <name>`. */
  target: string;
  close(): Promise<void>;
}

/** Opens the backend of a command: the embedded default without a stage, the deployed stack with one. */
export type OpenPublishBackend = (stage: string | undefined) => Promise<PublishBackend>;

/**
 * Opens the embedded default (a running `npm start`, or stand-ins of this process) when `stage` is
 * undefined. With a stage, opens the stage's rules table in AWS (`form-router-<stage>-rules` unless
 * FORM_ROUTER_RULES_TABLE names another) and starts runs on its deployed state machine, whose ARN
 * FORM_ROUTER_PUBLISH_STATE_MACHINE_ARN gives: reading `runner` throws `StateMachineNotConfiguredError`
 * without it.
 */
export const openPublishBackend: OpenPublishBackend = async (stage) => {
  if (stage === undefined) {
    return openEmbedded();
  }

  const config = loadConfig({ FORM_ROUTER_RULES_TABLE: `form-router-${stage}-rules`, ...process.env });
  const client = createDynamoDocumentClient(config);
  const sfnClient = createSfnClient(config);
  let runner: SfnWorkflowStarter | undefined;
  return {
    store: storeOn(config, client),
    // Created on first use, so that `rules history --stage` works without a state machine ARN.
    get runner() {
      runner ??= new SfnWorkflowStarter({ client: sfnClient, stateMachineArn: config.publishStateMachineArn, stage });
      return runner;
    },
    target: `stage ${stage}`,
    close: async () => {
      client.destroy();
      sfnClient.destroy();
    },
  };
};

/** Returns the user who runs the command, as recorded on versions and history entries. */
export function currentActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

async function openEmbedded(): Promise<PublishBackend> {
  const runtime = await connectOrStartEmbedded();
  const client = createDynamoDocumentClient(runtime.config);
  const store = storeOn(runtime.config, client);
  const runner = createLocalWorkflowRunner(store, runtime.config.serviceHosts);

  const close = async () => {
    client.destroy();
    await runtime.close();
  };
  return { store, runner, target: 'local', close };
}

function storeOn(config: FormRouterConfig, client: DynamoDBDocumentClient): RuleStore {
  return new DynamoRuleStore({ tableName: config.rulesTable, client });
}
