import { runRollback } from '../../../functions/cli/rules/rollback';
import { publishBrand } from '../../../functions/publishing/publishBrand';
import { acmeRuleSet, acmeWithAgentState } from '../../publishing/publishingHarness';
import { startCapturedIo } from './publishCommandHarness';
import type { CapturedIo } from './publishCommandHarness';

describe('rules rollback', () => {
  let io: CapturedIo;

  beforeEach(async () => {
    io = await startCapturedIo();
  });

  afterEach(async () => {
    await io.harness.close();
  });

  async function publishTwoVersions(): Promise<void> {
    for (const ruleSet of [acmeRuleSet(), acmeWithAgentState('WA')]) {
      await publishBrand({ ruleSet, actor: 'test', store: io.harness.store, runner: io.harness.runner() });
    }
  }

  it.each([
    ['a version that is not a number', ['acme', '--to', 'latest']],
    ['a version of zero', ['acme', '--to', '0']],
    ['no brand', []],
  ])('exits 2 for %s', async (_case, args) => {
    expect(await runRollback(args, io)).toBe(2);
  });

  it('exits 1 when the brand has no active version', async () => {
    const code = await runRollback(['acme'], io);

    expect(code).toBe(1);
    expect(io.stderr.join('\n')).toBe('Cannot roll back brand "acme": it has no active version; publish one first');
  });

  it('activates the version the active one replaced', async () => {
    await publishTwoVersions();

    const code = await runRollback(['acme'], io);

    expect(code).toBe(0);
    expect(io.stdout).toEqual(['acme: version 1 is active, replacing version 2.']);
  });

  it('activates the version named with --to, as JSON', async () => {
    await publishTwoVersions();
    await runRollback(['acme'], io);

    const code = await runRollback(['acme', '--to', '2', '--json'], io);

    expect(code).toBe(0);
    expect(JSON.parse(io.stdout[1] ?? '')).toMatchObject({ outcome: 'activated', version: 2, previousVersion: 1 });
  });
});
