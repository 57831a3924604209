import { EXIT } from '../../../functions/cli/main';
import { runTest } from '../../../functions/cli/rules/test';
import type { BrandTestResult } from '../../../functions/cli/rules/test';
import { derive, validRuleSet } from '../../publishing/validation/validRuleSet';
import { captureOutput, createRulesFolder } from './readCommandHarness';
import type { RulesFolder } from './readCommandHarness';

interface TestJson {
  passed: boolean;
  brands: BrandTestResult[];
}

describe('rules test', () => {
  let folder: RulesFolder;

  beforeAll(() => {
    folder = createRulesFolder();
    folder.write(validRuleSet());
    folder.write(derive((ruleSet) => {
      ruleSet.settings.brand = 'failing';
      ruleSet.expectations[0]!.expect = { form: 'auto-agent', rule: 'auto-agent-states' };
    }));
    folder.write(derive((ruleSet) => {
      ruleSet.settings.brand = 'conflicted';
      ruleSet.rules.push({ name: 'michigan-online', priority: 10, conditions: { all: [{ fact: 'state', operator: 'equal', value: 'MI' }] }, event: { type: 'route', params: { form: 'auto-online' } } });
    }));
  });

  afterAll(() => folder.remove());

  it('passes every sample brand', async () => {
    const io = captureOutput();

    const code = await runTest(['--json'], io);

    const output = io.json<TestJson>();
    expect(code).toBe(EXIT.ok);
    expect(output.passed).toBe(true);
    expect(output.brands).toHaveLength(3);
  });

  it('lists input, expected and actual of a failing case', async () => {
    const io = captureOutput();

    const code = await runTest(['failing', '--rules-dir', folder.dir, '--json'], io);

    const [result] = io.json<TestJson>().brands;
    expect(code).toBe(EXIT.failure);
    expect(result).toMatchObject({
      brand: 'failing',
      total: 4,
      passed: 3,
      failed: [
        {
          case: 'Auto in Georgia is online.',
          input: { product: 'auto', zip: '30303', lang: 'en' },
          expectedForm: 'auto-agent',
          actualForm: 'auto-online',
          expectedRule: 'auto-agent-states',
          actualRule: 'auto-default',
          state: 'GA',
          language: 'en',
        },
      ],
    });
  });

  it('prints a failing case as text', async () => {
    const io = captureOutput();

    await runTest(['failing', '--rules-dir', folder.dir], io);

    const text = io.stdout.join('\n');
    expect(text).toContain('failing: 1 of 4 expectations fail.');
    expect(text).toContain('✗ Auto in Georgia is online.');
    expect(text).toContain('input     product=auto zip=30303 lang=en');
    expect(text).toContain('expected  form auto-agent, rule auto-agent-states');
    expect(text).toContain('actual    form auto-online, rule auto-default (state GA, language en)');
  });

  it('reports rules that do not compile with exit code 3', async () => {
    const io = captureOutput();

    const code = await runTest(['conflicted', '--rules-dir', folder.dir], io);

    expect(code).toBe(EXIT.invalidRules);
    expect(io.stdout.join('\n')).toContain('conflicted: rules are invalid');
    expect(io.stdout.join('\n')).toContain('"michigan-online"');
  });

  it('passes a valid brand as text', async () => {
    const io = captureOutput();

    const code = await runTest(['demo', '--rules-dir', folder.dir], io);

    expect(code).toBe(EXIT.ok);
    expect(io.stdout).toEqual(['demo: all 4 expectations pass.']);
  });

  it('rejects an unknown brand as a usage error', async () => {
    const io = captureOutput();

    const code = await runTest(['nobody', '--rules-dir', folder.dir], io);

    expect(code).toBe(EXIT.usage);
    expect(io.stderr.join('\n')).toContain('Unknown brand "nobody"');
  });
});
