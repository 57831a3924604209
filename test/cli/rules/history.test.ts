import { runHistory } from '../../../functions/cli/rules/history';
import type { HistoryEntry } from '../../../functions/rule-store/ruleStore';
import { publishBrand } from '../../../functions/publishing/publishBrand';
import { acmeRuleSet, acmeWithUnknownForm } from '../../publishing/publishingHarness';
import { startCapturedIo } from './publishCommandHarness';
import type { CapturedIo } from './publishCommandHarness';

describe('rules history', () => {
  let io: CapturedIo;

  beforeEach(async () => {
    io = await startCapturedIo();
  });

  afterEach(async () => {
    await io.harness.close();
  });

  it('says so when nothing was recorded', async () => {
    const code = await runHistory(['acme'], io);

    expect(code).toBe(0);
    expect(io.stdout).toEqual(['acme: no publish or rollback runs recorded.']);
  });

  it('lists runs newest first with the reason of a rejection', async () => {
    await publishBrand({ ruleSet: acmeRuleSet(), actor: 'test:ana', store: io.harness.store, runner: io.harness.runner() });
    await publishBrand({ ruleSet: acmeWithUnknownForm(), actor: 'test:ana', store: io.harness.store, runner: io.harness.runner() });

    const code = await runHistory(['acme'], io);

    const lines = io.stdout.join('\n').split('\n');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^\S+Z\s+publish\s+rejected\s+- \(was v1\)\s+test:ana\s+publish-/);
    expect(lines[1]).toBe('    ValidationFailed: Rule set of brand "acme" failed validation with 1 error(s):');
    expect(lines[2]).toMatch(/^ {6}- \[unknown_form\] Brand "acme", rule "auto-default" routes to the form "no-such-form"/);
    expect(lines[3]).toMatch(/^\S+Z\s+publish\s+activated\s+v1 \(was none\)\s+test:ana\s+publish-/);
  });

  it('prints at most --limit entries as JSON', async () => {
    await publishBrand({ ruleSet: acmeWithUnknownForm(), actor: 'test', store: io.harness.store, runner: io.harness.runner() });
    await publishBrand({ ruleSet: acmeRuleSet(), actor: 'test', store: io.harness.store, runner: io.harness.runner() });

    const code = await runHistory(['acme', '--limit', '1', '--json'], io);

    const entries = JSON.parse(io.stdout.join('\n')) as HistoryEntry[];
    expect(code).toBe(0);
    expect(entries).toEqual([expect.objectContaining({ outcome: 'activated', version: 1 })]);
  });

  it.each(['0', 'ten'])('exits 2 for --limit %s', async (limit) => {
    expect(await runHistory(['acme', '--limit', limit], io)).toBe(2);
  });
});
