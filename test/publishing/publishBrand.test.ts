import { publishBrand } from '../../functions/publishing/publishBrand';
import { createPublishDependencies } from '../../functions/publishing/publishDependencies';
import { InvalidPublishRunError } from '../../functions/publishing/publishErrors';
import { createLocalWorkflowRunner, LocalWorkflowRunner } from '../../functions/publishing/workflow/localWorkflowRunner';
import { InMemoryRuleStore } from '../../functions/rule-store/inMemoryRuleStore';
import type { RuleSet } from '../../functions/ruleset/ruleSet';
import { acmeRuleSet, FAST_RETRIES } from './publishingHarness';

function setUp() {
  const store = new InMemoryRuleStore();
  const runner = new LocalWorkflowRunner({ deps: createPublishDependencies(store), retryIntervalOverrides: FAST_RETRIES });

  return { store, runner };
}

describe('publishBrand', () => {
  it('rejects a rule set without a brand id before storing anything', async () => {
    const { store, runner } = setUp();
    const ruleSet = acmeRuleSet();
    (ruleSet.settings as { brand?: string }).brand = undefined;
    const putDraft = jest.spyOn(store, 'putDraft');

    await expect(publishBrand({ ruleSet: ruleSet as RuleSet, actor: 'test', store, runner })).rejects.toThrow(InvalidPublishRunError);
    expect(putDraft).not.toHaveBeenCalled();
  });

  it.each(['next week', '2030-01-31 09:00'])('rejects the activation time %s before storing anything', async (activateAt) => {
    const { store, runner } = setUp();
    const putDraft = jest.spyOn(store, 'putDraft');

    await expect(publishBrand({ ruleSet: acmeRuleSet(), actor: 'test', activateAt, store, runner })).rejects.toThrow('is not an RFC 3339 date-time');
    expect(putDraft).not.toHaveBeenCalled();
  });

  it('publishes through the default local runner', async () => {
    const store = new InMemoryRuleStore();

    const result = await publishBrand({ ruleSet: acmeRuleSet(), actor: 'npm start', store, runner: createLocalWorkflowRunner(store) });

    expect(result).toMatchObject({ outcome: 'activated', version: 1 });
    expect(await store.getActive('acme')).toMatchObject({ version: 1, activatedBy: 'npm start' });
  });

  it('names the run with the given publish id', async () => {
    const { store, runner } = setUp();

    const result = await publishBrand({ ruleSet: acmeRuleSet(), actor: 'test', store, runner, publishId: 'release-2030-01' });

    expect(result).toMatchObject({ outcome: 'activated', publishId: 'release-2030-01', version: 1 });
    expect((await store.listHistory('acme'))[0]).toMatchObject({ publishId: 'release-2030-01', actor: 'test' });
  });

  it('reports a failed run whose failure could not be recorded', async () => {
    const { store } = setUp();
    const runner = { run: async () => ({ status: 'failed' as const, error: 'States.Runtime', cause: 'line one\nline two' }) };

    const result = await publishBrand({ ruleSet: acmeRuleSet(), actor: 'test', store, runner });

    expect(result).toMatchObject({ outcome: 'failed', errorName: 'States.Runtime', errors: ['line one', 'line two'] });
  });

  it('reports a started run with its execution', async () => {
    const { store } = setUp();
    const runner = { run: async () => ({ status: 'started' as const, executionArn: 'arn:aws:states:us-east-1:1:execution:m:publish-1' }) };

    const result = await publishBrand({ ruleSet: acmeRuleSet(), actor: 'test', store, runner });

    expect(result).toMatchObject({ outcome: 'started', executionArn: 'arn:aws:states:us-east-1:1:execution:m:publish-1', version: null });
  });
});
