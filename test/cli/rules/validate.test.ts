import { runValidate } from '../../../functions/cli/rules/validate';
import type { BrandReport } from '../../../functions/cli/rules/validate';
import { EXIT } from '../../../functions/cli/main';
import { derive, validRuleSet } from '../../publishing/validation/validRuleSet';
import { captureOutput, createRulesFolder } from './readCommandHarness';
import type { RulesFolder } from './readCommandHarness';

interface ValidateJson {
  valid: boolean;
  brands: BrandReport[];
}

describe('rules validate', () => {
  let folder: RulesFolder;

  beforeAll(() => {
    folder = createRulesFolder();
    folder.write(validRuleSet());
    folder.write(derive((ruleSet) => {
      ruleSet.settings.brand = 'conflicted';
      ruleSet.rules.push({ name: 'michigan-online', priority: 10, conditions: { all: [{ fact: 'product', operator: 'equal', value: 'auto' }, { fact: 'state', operator: 'equal', value: 'MI' }] }, event: { type: 'route', params: { form: 'auto-online' } } });
    }));
    folder.write(derive((ruleSet) => {
      ruleSet.settings.brand = 'misshapen';
      (ruleSet.rules[0] as { priority: unknown }).priority = 'high';
    }));
    folder.writeFile('unparsable', 'brand.json', '{ "brand": "unparsable", }');
  });

  afterAll(() => folder.remove());

  it('accepts every sample brand', async () => {
    const io = captureOutput();

    const code = await runValidate(['--json'], io);

    const output = io.json<ValidateJson>();
    expect(code).toBe(EXIT.ok);
    expect(output.valid).toBe(true);
    expect(output.brands.map((report) => report.brand)).toEqual(['acme', 'bluebonnet', 'pinecrest']);
  });

  it('prints a valid brand as text', async () => {
    const io = captureOutput();

    const code = await runValidate(['demo', '--rules-dir', folder.dir], io);

    expect(code).toBe(EXIT.ok);
    expect(io.stdout.join('\n')).toContain('demo: valid (0 errors, 0 warnings)');
  });

  it('rejects a conflict with exit code 3', async () => {
    const io = captureOutput();

    const code = await runValidate(['conflicted', '--rules-dir', folder.dir, '--json'], io);

    const [report] = io.json<ValidateJson>().brands;
    expect(code).toBe(EXIT.invalidRules);
    expect(report?.errors.map((problem) => problem.code)).toEqual(['rule_conflict']);
    expect(report?.errors[0]?.message).toContain('product=auto, language=en, state=MI');
  });

  it('prints errors with code, rule and message', async () => {
    const io = captureOutput();

    const code = await runValidate(['conflicted', '--rules-dir', folder.dir], io);

    const text = io.stdout.join('\n');
    expect(code).toBe(EXIT.invalidRules);
    expect(text).toContain('conflicted: INVALID (1 error, 0 warnings)');
    expect(text).toContain('error    rule_conflict · rule michigan-online · rules[5].priority');
    expect(text).toContain('1 with errors');
  });

  it.each([
    ['misshapen', 'schema_violation', 'rules.json/rules/0/priority'],
    ['unparsable', 'rule_set_file_invalid_json', 'brand.json'],
  ])('reports a %s folder as invalid', async (brand, code, path) => {
    const io = captureOutput();

    const exitCode = await runValidate([brand, '--rules-dir', folder.dir, '--json'], io);

    const [report] = io.json<ValidateJson>().brands;
    expect(exitCode).toBe(EXIT.invalidRules);
    expect(report?.errors[0]?.code).toBe(code);
    expect(report?.errors[0]?.path).toBe(path);
  });

  it('checks every brand of a folder', async () => {
    const io = captureOutput();

    const code = await runValidate(['--rules-dir', folder.dir, '--json'], io);

    const output = io.json<ValidateJson>();
    expect(code).toBe(EXIT.invalidRules);
    expect(output.brands.map((report) => [report.brand, report.valid])).toEqual([
      ['conflicted', false],
      ['demo', true],
      ['misshapen', false],
      ['unparsable', false],
    ]);
  });

  it.each([
    ['an unknown brand', ['nobody']],
    ['an unknown option', ['--strict']],
    ['two brands', ['acme', 'pinecrest']],
  ])('rejects %s as a usage error', async (_case, args) => {
    const io = captureOutput();

    const code = await runValidate(args, io);

    expect(code).toBe(EXIT.usage);
    expect(io.stderr.join('\n')).toContain('Usage: form-router rules validate');
  });

  it('prints its help', async () => {
    const io = captureOutput();

    const code = await runValidate(['--help'], io);

    expect(code).toBe(EXIT.ok);
    expect(io.stdout.join('\n')).toContain('Exit codes: 0 no errors; 1 failure; 2 usage error; 3 invalid rules.');
  });
});
