import { startEmbeddedRuntime } from '../../functions/local/embeddedRuntime';
import type { EmbeddedRuntime } from '../../functions/local/embeddedRuntime';
import { startHttpServer } from '../../functions/local/httpServer';
import type { LocalHttpServer } from '../../functions/local/httpServer';
import { publishBrand } from '../../functions/publishing/publishBrand';
import { rollbackBrand } from '../../functions/publishing/rollbackBrand';
import { createLocalWorkflowRunner } from '../../functions/publishing/workflow/localWorkflowRunner';
import type { LocalWorkflowRunner } from '../../functions/publishing/workflow/localWorkflowRunner';
import { createRedirectEventSink } from '../../functions/redirect-logging/createRedirectEventSink';
import type { RedirectEventSink } from '../../functions/redirect-logging/redirectEvent';
import { DynamoRuleStore } from '../../functions/rule-store/dynamoRuleStore';
import { createRoutingDependencies } from '../../functions/routing/createRoutingDependencies';
import { createRequestHandler } from '../../functions/routing/http/app';
import { RULES_DIR, loadRuleSet } from '../../functions/ruleset/loadRuleSet';
import type { RuleSet } from '../../functions/ruleset/ruleSet';
import { createDynamoDocumentClient } from '../../functions/shared/awsClients';
import { logger } from '../../functions/shared/logger';

/** Seconds between pointer reads on the server under test; the bound the hot path must meet. */
const REFRESH_SECONDS = 1;

/** acme with auto in Georgia sent to the agent form instead of the online one. */
function acmeWithGeorgiaAgents(): RuleSet {
  const ruleSet = loadRuleSet(`${RULES_DIR}/acme`);
  const rules = ruleSet.rules.map((rule) =>
    rule.name === 'auto-agent-states' ? { ...rule, conditions: { all: [{ fact: 'product', operator: 'equal', value: 'auto' }, { fact: 'state', operator: 'in', value: ['MA', 'MI', 'NJ', 'GA'] }] } } : rule,
  );
  const expectations = ruleSet.expectations.filter((expectation) => !(expectation.input.product === 'auto' && expectation.input.zip === '30303'));
  return { ...ruleSet, rules: rules as RuleSet['rules'], expectations };
}

describe('hot path after publish and rollback', () => {
  let runtime: EmbeddedRuntime;
  let store: DynamoRuleStore;
  let runner: LocalWorkflowRunner;
  let events: RedirectEventSink;
  let server: LocalHttpServer;

  beforeAll(async () => {
    logger.setLogLevel('SILENT');
    runtime = await startEmbeddedRuntime({ startLogWriter: false });
    const config = { ...runtime.config, refreshSeconds: REFRESH_SECONDS };
    store = new DynamoRuleStore({ tableName: config.rulesTable, client: createDynamoDocumentClient(config) });
    runner = createLocalWorkflowRunner(store);
    await publishBrand({ ruleSet: loadRuleSet(`${RULES_DIR}/acme`), actor: 'test', store, runner });

    events = createRedirectEventSink(config, 'batching');
    server = await startHttpServer(createRequestHandler(createRoutingDependencies(config, store, events)), 0);
  });

  afterAll(async () => {
    await server.close();
    await events.flush();
    await runtime.close();
  });

  async function resolveGeorgiaAuto(): Promise<{ form: string; rulesetVersion: number }> {
    const response = await fetch(`${server.url}/v1/resolve?brand=acme&product=auto&zip=30303`);
    return (await response.json()) as { form: string; rulesetVersion: number };
  }

  /**
   * Waits out one refresh interval after the change, then sends one request. The cache must have checked
   * the pointer by then, so the first request after the bound gets the new version, however slow
   * the machine is.
   */
  async function resolveAfterRefreshBound(): Promise<{ form: string; rulesetVersion: number }> {
    await new Promise((resolve) => setTimeout(resolve, REFRESH_SECONDS * 1000 + 50));
    return resolveGeorgiaAuto();
  }

  it('serves an activation within the refresh bound', async () => {
    const before = await resolveGeorgiaAuto();

    const published = await publishBrand({ ruleSet: acmeWithGeorgiaAgents(), actor: 'test', store, runner });
    const served = await resolveAfterRefreshBound();

    expect(before.form).toBe('auto-online');
    expect(published.outcome).toBe('activated');
    expect(served.rulesetVersion).toBe(published.version);
    expect(served.form).toBe('auto-agent');
  });

  it('serves a rollback within the refresh bound', async () => {
    const rolledBack = await rollbackBrand({ brand: 'acme', actor: 'test', store, runner });
    const served = await resolveAfterRefreshBound();

    expect(rolledBack.outcome).toBe('activated');
    expect(rolledBack.version).toBe(1);
    expect(served.rulesetVersion).toBe(1);
    expect(served.form).toBe('auto-online');
  });
});
