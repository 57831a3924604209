import { createPublishDependencies } from '../../../functions/publishing/publishDependencies';
import { definePublishTask } from '../../../functions/publishing/tasks/publishTask';
import { InMemoryRuleStore } from '../../../functions/rule-store/inMemoryRuleStore';
import { RuleConflictError } from '../../../functions/ruleset/compileErrors';
import { RuleSetError } from '../../../functions/ruleset/errors';

const deps = createPublishDependencies(new InMemoryRuleStore());

describe('definePublishTask', () => {
  it('rethrows a RuleSetError subclass under the base name', async () => {
    const conflict = new RuleConflictError('acme', []);
    const task = definePublishTask(async () => {
      throw conflict;
    })(deps);

    const error = await task({}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RuleSetError);
    expect(error).toMatchObject({ name: 'RuleSetError', brand: 'acme', cause: conflict });
    expect((error as Error).message).toMatch(/^RuleConflictError: /);
  });

  it('passes other errors through intact', async () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    const task = definePublishTask(async () => {
      throw throttled;
    })(deps);

    await expect(task({})).rejects.toBe(throttled);
  });

  it('returns the step output', async () => {
    const task = definePublishTask(async (_deps, input) => ({ echoed: input }))(deps);

    await expect(task('run')).resolves.toEqual({ echoed: 'run' });
  });
});
