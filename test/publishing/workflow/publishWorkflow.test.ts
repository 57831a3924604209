import { publishBrand } from '../../../functions/publishing/publishBrand';
import type { PublishRun } from '../../../functions/publishing/publishRun';
import { rollbackBrand } from '../../../functions/publishing/rollbackBrand';
import type { TaskOverride } from '../../../functions/publishing/workflow/localWorkflowRunner';
import type { PublishWorkflowRunner } from '../../../functions/publishing/workflow/publishWorkflowRunner';
import { acmeRuleSet, acmeWithAgentState, acmeWithUnknownForm, acmeWithWrongExpectation, startPublishingHarness } from '../publishingHarness';
import type { PublishingHarness } from '../publishingHarness';
import type { RuleSet } from '../../../functions/ruleset/ruleSet';

const ACTOR = 'test:author';

describe('publish workflow on dynalite', () => {
  let harness: PublishingHarness;

  beforeEach(async () => {
    harness = await startPublishingHarness();
  });

  afterEach(async () => {
    await harness.close();
  });

  function publish(ruleSet: RuleSet, runner: PublishWorkflowRunner = harness.runner(), extra: { activateAt?: string; publishId?: string } = {}) {
    return publishBrand({ ruleSet, actor: ACTOR, store: harness.store, runner, ...extra });
  }

  /** Wraps `next` and counts its calls. */
  function counting(): { override: TaskOverride; calls: () => number } {
    let calls = 0;
    return {
      override: async (input, next) => {
        calls += 1;
        return next(input);
      },
      calls: () => calls,
    };
  }

  it('activates a valid rule set and records it', async () => {
    const first = await publish(acmeRuleSet());
    const second = await publish(acmeWithAgentState('WA'));

    expect(first).toMatchObject({ outcome: 'activated', version: 1, previousVersion: null, errors: [] });
    expect(second).toMatchObject({ outcome: 'activated', version: 2, previousVersion: 1 });
    expect(second.diffSummary?.changedInputs).toBeGreaterThan(0);
    expect(await harness.store.getActive('acme')).toMatchObject({ version: 2, previousVersion: 1, activatedBy: ACTOR });
    const history = await harness.store.listHistory('acme');
    expect(history.map(({ action, outcome, version, previousVersion }) => ({ action, outcome, version, previousVersion }))).toEqual([
      { action: 'publish', outcome: 'activated', version: 2, previousVersion: 1 },
      { action: 'publish', outcome: 'activated', version: 1, previousVersion: null },
    ]);
  });

  it('returns unchanged without a run for the active content', async () => {
    await publish(acmeRuleSet());

    const again = await publish(acmeRuleSet());

    expect(again).toMatchObject({ outcome: 'unchanged', version: 1, publishId: null });
    expect(await harness.store.listVersions('acme')).toHaveLength(1);
    expect(await harness.store.listHistory('acme')).toHaveLength(1);
  });

  it('rejects an invalid rule set before it becomes a version', async () => {
    const validate = counting();

    const result = await publish(acmeWithUnknownForm(), harness.runner({ taskOverrides: { Validate: validate.override } }));

    expect(result).toMatchObject({ outcome: 'rejected', errorName: 'ValidationFailed', version: null });
    expect(result.errors.join('\n')).toContain('"no-such-form"');
    expect(validate.calls()).toBe(1);
    expect(await harness.store.listVersions('acme')).toEqual([]);
    expect(await harness.store.getActive('acme')).toBeNull();
    const [entry] = await harness.store.listHistory('acme');
    expect(entry).toMatchObject({ outcome: 'rejected', version: null, previousVersion: null, error: { name: 'ValidationFailed' } });
    expect(entry?.error?.message).toContain('[unknown_form]');
  });

  it('lists each failing expectation with input, forms and rule', async () => {
    await publish(acmeRuleSet());

    const result = await publish(acmeWithWrongExpectation());

    expect(result).toMatchObject({ outcome: 'rejected', errorName: 'ExpectationsFailed', version: null, previousVersion: 1 });
    const failure = result.errors.find((line) => line.includes('zip=30303'));
    expect(failure).toContain('product=auto zip=30303 lang=en');
    expect(failure).toContain('expected form "auto-agent"');
    expect(failure).toContain('got "auto-online"');
    expect(failure).toContain('decided by rule "auto-default"');
    expect(await harness.store.listVersions('acme')).toHaveLength(1);
    expect((await harness.store.listHistory('acme'))[0]).toMatchObject({ outcome: 'rejected', error: { name: 'ExpectationsFailed' } });
  });

  it('lets one of two concurrent activations win', async () => {
    await publish(acmeRuleSet());
    let arrived = 0;
    let releaseBoth!: () => void;
    const bothArrived = new Promise<void>((resolve) => (releaseBoth = resolve));
    const barrier: TaskOverride = async (input, next) => {
      arrived += 1;
      if (arrived === 2) releaseBoth();
      await bothArrived;
      return next(input);
    };
    const runner = harness.runner({ taskOverrides: { Activate: barrier } });

    const results = await Promise.all([publish(acmeWithAgentState('WA'), runner), publish(acmeWithAgentState('OR'), runner)]);

    const winners = results.filter((result) => result.outcome === 'activated');
    const losers = results.filter((result) => result.outcome === 'failed');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toMatchObject({ errorName: 'ActivationConflictError' });
    expect(await harness.store.getActive('acme')).toMatchObject({ version: winners[0]?.version, previousVersion: 1 });
    const failed = (await harness.store.listHistory('acme')).filter((entry) => entry.outcome === 'failed');
    expect(failed).toEqual([expect.objectContaining({ publishId: losers[0]?.publishId, error: expect.objectContaining({ name: 'ActivationConflictError' }) })]);
  });

  it('rolls back to the previous version through Activate', async () => {
    await publish(acmeRuleSet());
    await publish(acmeWithAgentState('WA'));
    const validate = counting();
    const activate = counting();

    const result = await rollbackBrand({ brand: 'acme', actor: ACTOR, store: harness.store, runner: harness.runner({ taskOverrides: { Validate: validate.override, Activate: activate.override } }) });

    expect(result).toMatchObject({ outcome: 'activated', version: 1, previousVersion: 2 });
    expect(activate.calls()).toBe(1);
    expect(validate.calls()).toBe(0);
    expect(await harness.store.getActive('acme')).toMatchObject({ version: 1, previousVersion: 2 });
    expect((await harness.store.listHistory('acme'))[0]).toMatchObject({ action: 'rollback', outcome: 'activated', version: 1, previousVersion: 2 });
  });

  it('rolls back to a named version', async () => {
    await publish(acmeRuleSet());
    await publish(acmeWithAgentState('WA'));
    await publish(acmeWithAgentState('OR'));

    const result = await rollbackBrand({ brand: 'acme', toVersion: 1, actor: ACTOR, store: harness.store, runner: harness.runner() });

    expect(result).toMatchObject({ outcome: 'activated', version: 1, previousVersion: 3 });
    expect(await harness.store.getActive('acme')).toMatchObject({ version: 1, previousVersion: 3 });
  });

  it.each([
    ['one after the other', false],
    ['at the same time', true],
  ])('activates once when the same publish runs twice %s', async (_case, concurrent) => {
    await publish(acmeRuleSet());
    const draft = await harness.store.putDraft(acmeWithAgentState('WA'), ACTOR);
    const run: PublishRun = { action: 'publish', brand: 'acme', publishId: 'publish-twice', actor: ACTOR, draftId: draft.draftId };
    const runner = harness.runner();
    const pointerWrites: number[] = [];
    const activate = harness.store.activate.bind(harness.store);
    jest.spyOn(harness.store, 'activate').mockImplementation(async (...args) => {
      const pointer = await activate(...args);
      pointerWrites.push(pointer.version);
      return pointer;
    });

    const results = concurrent ? await Promise.all([runner.run(run), runner.run(run)]) : [await runner.run(run), await runner.run(run)];

    expect(results).toEqual([{ status: 'succeeded' }, { status: 'succeeded' }]);
    expect(pointerWrites).toEqual([2]);
    expect(await harness.store.listVersions('acme')).toHaveLength(2);
    expect(await harness.store.getActive('acme')).toMatchObject({ version: 2, previousVersion: 1 });
    const entries = (await harness.store.listHistory('acme')).filter((entry) => entry.publishId === 'publish-twice');
    expect(entries).toEqual([expect.objectContaining({ outcome: 'activated', version: 2, previousVersion: 1 })]);
  });

  it('records the schedule and waits before activating', async () => {
    await publish(acmeRuleSet());
    const activateAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const seenBeforeActivation: { activeVersion?: number; outcomes?: string[] } = {};
    const observe: TaskOverride = async (input, next) => {
      seenBeforeActivation.activeVersion = (await harness.store.getActive('acme'))?.version;
      seenBeforeActivation.outcomes = (await harness.store.listHistory('acme')).map((entry) => entry.outcome);
      return next(input);
    };
    const runner = harness.runner({ waitTimeOverrides: { WaitUntilActivation: 50 }, taskOverrides: { Activate: observe } });

    const result = await publish(acmeWithAgentState('WA'), runner, { activateAt });

    expect(result).toMatchObject({ outcome: 'activated', version: 2, previousVersion: 1 });
    expect(seenBeforeActivation).toEqual({ activeVersion: 1, outcomes: ['scheduled', 'activated'] });
    expect((await harness.store.listHistory('acme')).map((entry) => entry.outcome)).toEqual(['activated', 'scheduled', 'activated']);
  });

  it('activates no earlier than activateAt without a wait override', async () => {
    await publish(acmeRuleSet());
    const activateAt = new Date(Date.now() + 1000).toISOString();

    const result = await publish(acmeWithAgentState('WA'), harness.runner(), { activateAt });

    const pointer = await harness.store.getActive('acme');
    expect(result.outcome).toBe('activated');
    expect(Date.parse(pointer?.activatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(activateAt));
  });

  it('retries a task after a transient DynamoDB error', async () => {
    let calls = 0;
    const failOnce: TaskOverride = async (input, next) => {
      calls += 1;
      if (calls === 1) {
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ProvisionedThroughputExceededException' });
      }
      return next(input);
    };

    const result = await publish(acmeRuleSet(), harness.runner({ taskOverrides: { StoreVersion: failOnce } }));

    expect(calls).toBe(2);
    expect(result).toMatchObject({ outcome: 'activated', version: 1 });
    expect(await harness.store.listHistory('acme')).toHaveLength(1);
  });

  it('records an unexpected task error as a failure', async () => {
    const failAlways: TaskOverride = async () => {
      throw Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException' });
    };

    const result = await publish(acmeRuleSet(), harness.runner({ taskOverrides: { Compile: failAlways } }));

    expect(result).toMatchObject({ outcome: 'failed', errorName: 'ResourceNotFoundException', errors: ['Requested resource not found'] });
    expect(await harness.store.listVersions('acme')).toEqual([]);
    expect((await harness.store.listHistory('acme'))[0]).toMatchObject({ outcome: 'failed', error: { name: 'ResourceNotFoundException' } });
  });
});
