import { randomUUID } from 'node:crypto';
import { EXIT } from '../../../functions/cli/main';
import { runDiff } from '../../../functions/cli/rules/diff';
import type { RoutingTableDiff } from '../../../functions/publishing/validation/diffRoutingTables';
import type { ImpactEstimate } from '../../../functions/publishing/validation/estimateImpact';
import type { RedirectEvent } from '../../../functions/redirect-logging/redirectEvent';
import { derive, rule, validRuleSet } from '../../publishing/validation/validRuleSet';
import { createRulesFolder, startReadBackend } from './readCommandHarness';
import type { ReadBackendHarness, RulesFolder } from './readCommandHarness';

interface DiffJson {
  target: string;
  days: number;
  diff: RoutingTableDiff;
  impact: ImpactEstimate | null;
}

function redirectEvent(product: string, zip: string, state: string, form: string): RedirectEvent {
  return {
    eventId: randomUUID(),
    time: new Date(Date.now() - 3_600_000).toISOString(),
    endpoint: 'redirect',
    brand: 'demo',
    product,
    language: 'en',
    zip,
    state,
    stateInferred: false,
    outcome: 'rule',
    errorCode: null,
    form,
    ruleId: null,
    rulesetVersion: 1,
    url: 'https://quote.demo.example/',
    latencyMs: 1,
  };
}

describe('rules diff', () => {
  let backend: ReadBackendHarness;
  let folder: RulesFolder;

  beforeAll(async () => {
    backend = await startReadBackend();
    folder = createRulesFolder();
    folder.write(
      derive((ruleSet) => {
        (ruleSet.rules[2]!.conditions as { all: { value: unknown }[] }).all[1]!.value = ['MI', 'OH'];
        ruleSet.rules.push(rule('home-texas-not-offered', 10, 'not-served', { all: [{ fact: 'product', operator: 'equal', value: 'home' }, { fact: 'state', operator: 'equal', value: 'TX' }] }));
      }),
    );
    folder.write(derive((ruleSet) => {
      ruleSet.settings.brand = 'broken';
      ruleSet.forms['auto-online']!.url = 'http://quote.demo.example/auto';
      ruleSet.rules[0]!.event.params.form = 'missing';
    }));
  });

  afterAll(async () => {
    folder.remove();
    await backend.close();
  });

  it('treats every input as new without an active version', async () => {
    const io = backend.io();

    const code = await runDiff(['demo', '--rules-dir', folder.dir, '--json', '--days', '0'], io);

    const { diff, impact } = io.json<DiffJson>();
    expect(code).toBe(EXIT.ok);
    expect(diff.fromVersion).toBeNull();
    expect(diff.summary.addedProducts).toEqual(['auto', 'home']);
    expect(diff.changes.every((change) => change.before === null)).toBe(true);
    expect(impact).toBeNull();
  });

  it('lists changes against the active version with their impact', async () => {
    const stored = await backend.store.putVersion(validRuleSet(), 'test');
    await backend.store.activate('demo', stored.version, null, 'test');
    await backend.logs.putEvent(redirectEvent('auto', '43215', 'OH', 'auto-online'));
    await backend.logs.putEvent(redirectEvent('home', '77002', 'TX', 'home-online'));
    await backend.logs.putEvent(redirectEvent('auto', '30303', 'GA', 'auto-online'));
    const io = backend.io();

    const code = await runDiff(['demo', '--rules-dir', folder.dir, '--json'], io);

    const { diff, impact } = io.json<DiffJson>();
    expect(code).toBe(EXIT.ok);
    expect(diff.fromVersion).toBe(stored.version);
    expect(diff.summary.changedByProduct).toEqual({ auto: 4, home: 1 });
    expect(diff.changes.find((change) => change.product === 'home')).toEqual({
      product: 'home',
      language: 'en',
      state: 'TX',
      before: { form: 'home-online', rule: 'home-default' },
      after: { form: 'not-served', rule: 'home-texas-not-offered' },
    });
    expect(impact).toMatchObject({ total: 3, considered: 3, moved: 2 });
  });

  it('prints the diff as text', async () => {
    const io = backend.io();

    const code = await runDiff(['demo', '--rules-dir', folder.dir], io);

    const text = io.stdout.join('\n');
    expect(code).toBe(EXIT.ok);
    expect(text).toMatch(/demo: rules\/demo compared with active version \d+ \(local\)\./);
    expect(text).toContain('5 input(s) go to another form (auto 4, home 1)');
    expect(text).toMatch(/home\/en\s+TX\s+home-online \(home-default\)\s+→\s+not-served \(home-texas-not-offered\)/);
    expect(text).toContain('Impact: 2 of 3 redirects that reached a form in the last 7 days would go to another form.');
  });

  it('rejects invalid local rules with exit code 3', async () => {
    const io = backend.io();

    const code = await runDiff(['broken', '--rules-dir', folder.dir], io);

    expect(code).toBe(EXIT.invalidRules);
    expect(io.stderr.join('\n')).toContain('broken: rules/broken is invalid');
  });

  it.each([
    ['a missing brand', []],
    ['an unknown brand', ['nobody']],
    ['a negative day count', ['demo', '--days', '-1']],
  ])('rejects %s as a usage error', async (_case, args) => {
    const io = backend.io();

    const code = await runDiff([...args, '--rules-dir', folder.dir], io);

    expect(code).toBe(EXIT.usage);
    expect(io.stderr.join('\n')).toContain('Usage: form-router rules diff');
  });
});
