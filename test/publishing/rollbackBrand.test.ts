import { createPublishDependencies } from '../../functions/publishing/publishDependencies';
import { RollbackNotPossibleError } from '../../functions/publishing/publishErrors';
import { rollbackBrand } from '../../functions/publishing/rollbackBrand';
import { LocalWorkflowRunner } from '../../functions/publishing/workflow/localWorkflowRunner';
import { InMemoryRuleStore } from '../../functions/rule-store/inMemoryRuleStore';
import { acmeRuleSet, acmeWithAgentState, FAST_RETRIES } from './publishingHarness';

async function storeWithVersions(count: number, activeVersion: number | null) {
  const store = new InMemoryRuleStore();
  const runner = new LocalWorkflowRunner({ deps: createPublishDependencies(store), retryIntervalOverrides: FAST_RETRIES });
  for (let index = 0; index < count; index++) {
    await store.putVersion(index === 0 ? acmeRuleSet() : acmeWithAgentState(`S${index}`), 'test');
  }
  if (activeVersion !== null) {
    await store.activate('acme', activeVersion, null, 'test');
  }

  return { store, runner };
}

describe('rollbackBrand', () => {
  it.each([
    ['the brand has no active version', 1, null, undefined, 'has no active version'],
    ['the active version replaced none', 2, 1, undefined, 'replaced no earlier version'],
    ['the target does not exist', 2, 1, 5, 'version 5 does not exist; stored versions: 1, 2'],
  ])('throws when %s', async (_case, versions, active, toVersion, fragment) => {
    const { store, runner } = await storeWithVersions(versions, active);

    const attempt = rollbackBrand({ brand: 'acme', toVersion, actor: 'test', store, runner });

    await expect(attempt).rejects.toThrow(RollbackNotPossibleError);
    await expect(rollbackBrand({ brand: 'acme', toVersion, actor: 'test', store, runner })).rejects.toThrow(fragment);
  });

  it('returns unchanged for the active version without a run', async () => {
    const { store, runner } = await storeWithVersions(2, 2);
    const run = jest.spyOn(runner, 'run');

    const result = await rollbackBrand({ brand: 'acme', toVersion: 2, actor: 'test', store, runner });

    expect(result).toMatchObject({ outcome: 'unchanged', version: 2, publishId: null });
    expect(run).not.toHaveBeenCalled();
  });
});
