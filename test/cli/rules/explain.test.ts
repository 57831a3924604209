import { EXIT } from '../../../functions/cli/main';
import { runExplain } from '../../../functions/cli/rules/explain';
import type { Explanation } from '../../../functions/cli/rules/explanation';
import { derive, validRuleSet } from '../../publishing/validation/validRuleSet';
import { createRulesFolder, startReadBackend } from './readCommandHarness';
import type { ReadBackendHarness, RulesFolder } from './readCommandHarness';

describe('rules explain', () => {
  let backend: ReadBackendHarness;
  let folder: RulesFolder;
  let activeVersion: number;

  beforeAll(async () => {
    backend = await startReadBackend();
    folder = createRulesFolder();
    folder.write(derive((ruleSet) => (ruleSet.rules[2]!.conditions as { all: { value: unknown }[] }).all[1]!.value = ['NJ']));
    folder.write(derive((ruleSet) => {
      ruleSet.settings.brand = 'gappy';
      ruleSet.rules.splice(1, 1);
    }));
    folder.write(derive((ruleSet) => {
      ruleSet.settings.brand = 'broken';
      ruleSet.forms = {};
    }));

    const stored = await backend.store.putVersion(validRuleSet(), 'test');
    await backend.store.activate('demo', stored.version, null, 'test');
    activeVersion = stored.version;
  });

  afterAll(async () => {
    folder.remove();
    await backend.close();
  });

  async function explain(args: string[]) {
    const io = backend.io();
    const code = await runExplain([...args, '--rules-dir', folder.dir], io);

    return { code, io };
  }

  it('explains a winner by higher priority', async () => {
    const { code, io } = await explain(['--brand', 'demo', '--product', 'auto', '--zip', '48201-1234', '--lang', 'es-US', '--json']);

    const explanation = io.json<Explanation>();
    expect(code).toBe(EXIT.ok);
    expect(explanation.source).toEqual({ label: `version ${activeVersion} (active, local)`, version: activeVersion });
    expect(explanation).toMatchObject({ zip: '48201', state: 'MI', outcome: 'form' });
    expect(explanation.language).toEqual({ requested: 'es-US', resolved: 'es', how: '"es-US" reduced to its primary subtag "es"' });
    expect(explanation.matches).toEqual([
      { rule: 'auto-agent-states', priority: 10, form: 'auto-agent' },
      { rule: 'auto-default', priority: 1, form: 'auto-online' },
    ]);
    expect(explanation.winner).toMatchObject({ rule: 'auto-agent-states', why: 'higher_priority' });
    expect(explanation.form).toEqual({ id: 'auto-agent', type: 'agent', url: 'https://agents.demo.example/es/auto?zip=48201&state=MI', reason: 'rule' });
  });

  it('explains rules/ with --local', async () => {
    const { code, io } = await explain(['--brand', 'demo', '--product', 'auto', '--zip', '48201', '--local', '--json']);

    const explanation = io.json<Explanation>();
    expect(code).toBe(EXIT.ok);
    expect(explanation.source).toEqual({ label: 'rules/demo (not published)', version: null });
    expect(explanation.winner).toMatchObject({ rule: 'auto-default', why: 'only_match' });
    expect(explanation.language?.how).toBe('no language requested, so the brand default "en" applies');
  });

  it('explains a language fallback', async () => {
    const { io } = await explain(['--brand', 'demo', '--product', 'home', '--zip', '30303', '--lang', 'fr', '--local', '--json']);

    const explanation = io.json<Explanation>();
    expect(explanation.language?.resolved).toBe('en');
    expect(explanation.language?.how).toBe('"fr" is not offered for home (en), so the brand default "en" applies');
  });

  it('explains the fallback form', async () => {
    const { code, io } = await explain(['--brand', 'gappy', '--product', 'home', '--zip', '30303', '--local', '--json']);

    const explanation = io.json<Explanation>();
    expect(code).toBe(EXIT.ok);
    expect(explanation.matches).toEqual([]);
    expect(explanation.winner).toEqual({ rule: null, why: 'fallback', detail: 'no rule matched, so the brand\'s fallbackForm "quote-start" applies' });
    expect(explanation.form).toMatchObject({ id: 'quote-start', reason: 'fallback' });
  });

  it('prints every step as text', async () => {
    const { code, io } = await explain(['--brand', 'demo', '--product', 'home', '--zip', '10001']);

    const text = io.stdout.join('\n');
    expect(code).toBe(EXIT.ok);
    expect(text).toContain(`demo, version ${activeVersion} (active, local): product=home zip=10001`);
    expect(text).toContain('ZIP       10001 is in NY');
    expect(text).toMatch(/✓ home-chelsea-callback\s+priority\s+20\s+→ home-callback/);
    expect(text).toContain('winner    home-chelsea-callback: "home-chelsea-callback" has the highest priority, 20, of the 2 matching rules');
    expect(text).toContain('form      home-callback (callback), reason rule');
    expect(text).toContain('URL       https://agents.demo.example/en/call-me?product=home');
  });

  it.each([
    ['an invalid ZIP', ['--zip', '4820'], 'invalid_zip'],
    ['an unknown ZIP', ['--zip', '00000'], 'unknown_zip'],
    ['an unknown product', ['--zip', '48201', '--product', 'boat'], 'unknown_product'],
  ])('reports %s with exit code 1', async (_case, args, errorCode) => {
    const { code, io } = await explain(['--brand', 'demo', '--product', 'auto', ...args, '--json']);

    expect(code).toBe(EXIT.failure);
    expect(io.json<Explanation>()).toMatchObject({ outcome: 'error', error: { code: errorCode } });
  });

  it('reports a brand without an active version', async () => {
    const { code, io } = await explain(['--brand', 'nobody', '--product', 'auto', '--zip', '48201']);

    expect(code).toBe(EXIT.failure);
    expect(io.stderr.join('\n')).toContain('nobody: no version is active (local)');
  });

  it('reports invalid local rules with exit code 3', async () => {
    const { code, io } = await explain(['--brand', 'broken', '--product', 'auto', '--zip', '48201', '--local']);

    expect(code).toBe(EXIT.invalidRules);
    expect(io.stderr.join('\n')).toContain('broken: rules/broken is invalid');
  });

  it.each([
    ['a missing ZIP', ['--brand', 'demo', '--product', 'auto'], 'Missing --zip'],
    ['a positional argument', ['demo', '--brand', 'demo', '--product', 'auto', '--zip', '48201'], 'Unexpected argument "demo"'],
  ])('rejects %s as a usage error', async (_case, args, message) => {
    const { code, io } = await explain(args);

    expect(code).toBe(EXIT.usage);
    expect(io.stderr.join('\n')).toContain(message);
  });
});
