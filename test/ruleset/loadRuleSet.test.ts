import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { RuleSetError } from '../../functions/ruleset/errors';
import { RuleSetFileInvalidJsonError, RuleSetFileMissingError, RuleSetSchemaInvalidError } from '../../functions/ruleset/loadErrors';
import { RULES_DIR, loadAllRuleSets, loadRuleSet } from '../../functions/ruleset/loadRuleSet';

const FIXTURES = path.join(__dirname, 'fixtures');
const brokenFolder = (name: string): string => path.join(FIXTURES, 'rule-set-folders', name);

/** Runs `load` and returns what it throws, so that a test can check the error's fields one by one. */
function thrownBy(load: () => unknown): unknown {
  try {
    load();
  } catch (error) {
    return error;
  }

  throw new Error('expected the load to throw');
}

describe('RULES_DIR', () => {
  it('is the repository rules folder', () => {
    expect(path.relative(path.join(__dirname, '..', '..'), RULES_DIR)).toBe('rules');
    expect(existsSync(path.join(RULES_DIR, 'schemas', 'rules.schema.json'))).toBe(true);
  });
});

describe('loadRuleSet', () => {
  it('returns the four files as one rule set', () => {
    const ruleSet = loadRuleSet(path.join(RULES_DIR, 'acme'));

    expect(ruleSet.settings.brand).toBe('acme');
    expect(ruleSet.forms['auto-online']?.type).toBe('online');
    expect(ruleSet.rules.find((rule) => rule.name === 'auto-default')?.priority).toBe(1);
    expect(ruleSet.expectations.length).toBeGreaterThan(0);
  });

  it('drops the $schema keys', () => {
    const ruleSet = loadRuleSet(path.join(RULES_DIR, 'acme'));

    expect(Object.keys(ruleSet.settings)).not.toContain('$schema');
    expect(Object.keys(ruleSet.forms)).not.toContain('$schema');
  });

  it('reports a missing file by its path', () => {
    const error = thrownBy(() => loadRuleSet(brokenFolder('missing-rules')));
    const filePath = path.join(brokenFolder('missing-rules'), 'rules.json');

    expect(error).toBeInstanceOf(RuleSetFileMissingError);
    expect(error).toBeInstanceOf(RuleSetError);
    expect(error).toMatchObject({ name: 'RuleSetFileMissingError', code: 'rule_set_file_missing', brand: 'missing-rules', filePath });
    expect((error as Error).message).toBe(
      `Rule set file ${filePath} is missing. A rule set folder contains brand.json, forms.json, rules.json, expectations.json.`,
    );
  });

  it('reports a missing folder as its missing brand.json', () => {
    const error = thrownBy(() => loadRuleSet(brokenFolder('no-such-brand')));

    expect(error).toBeInstanceOf(RuleSetFileMissingError);
    expect(error).toMatchObject({ brand: 'no-such-brand', filePath: path.join(brokenFolder('no-such-brand'), 'brand.json') });
  });

  it('reports invalid JSON with its path, line and column', () => {
    const error = thrownBy(() => loadRuleSet(brokenFolder('invalid-json')));
    const filePath = path.join(brokenFolder('invalid-json'), 'rules.json');

    expect(error).toBeInstanceOf(RuleSetFileInvalidJsonError);
    expect(error).toMatchObject({ name: 'RuleSetFileInvalidJsonError', code: 'rule_set_file_invalid_json', brand: 'invalid-json', filePath });
    expect((error as Error).message).toMatch(new RegExp(`^Rule set file ${escapeRegExp(filePath)} is not valid JSON: `));
    expect((error as Error).message).toContain('(line 3, column 46)');
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('lists every schema problem', () => {
    const folder = brokenFolder('schema-invalid');
    const error = thrownBy(() => loadRuleSet(folder));

    expect(error).toBeInstanceOf(RuleSetSchemaInvalidError);
    expect(error).toMatchObject({ name: 'RuleSetSchemaInvalidError', code: 'rule_set_schema_invalid', brand: 'schema-invalid', brandDir: folder });
    expect((error as RuleSetSchemaInvalidError).problems.map((problem) => `${problem.file} ${problem.pointer}`)).toEqual([
      'forms.json /forms/auto-online/url',
      'rules.json /rules/0/priority',
    ]);
    expect((error as Error).message).toContain(`Rule set ${folder} does not match its JSON Schemas (rules/schemas), 2 problems:`);
    expect((error as Error).message).toContain('\n  schema-invalid rules.json /rules/0/priority: must be integer ≥ 1, got "high"');
  });

  it('rejects a brand id that differs from the folder name', () => {
    const error = thrownBy(() => loadRuleSet(brokenFolder('renamed-folder')));

    expect(error).toBeInstanceOf(RuleSetSchemaInvalidError);
    expect((error as Error).message).toContain('renamed-folder brand.json /brand: must equal the folder name "renamed-folder", got "original-name"');
  });

  it('reads a file that starts with a byte order mark', () => {
    const ruleSet = loadRuleSet(brokenFolder('byte-order-mark'));

    expect(ruleSet.settings.brand).toBe('byte-order-mark');
  });
});

describe('loadAllRuleSets', () => {
  it('loads every brand folder sorted by name', () => {
    const ruleSets = loadAllRuleSets(path.join(FIXTURES, 'rules-folder'));

    expect(ruleSets.map((ruleSet) => ruleSet.settings.brand)).toEqual(['alpha', 'zeta']);
  });

  it('loads the sample brands by default', () => {
    const folders = readdirSync(RULES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'schemas')
      .map((entry) => entry.name)
      .sort();

    expect(loadAllRuleSets().map((ruleSet) => ruleSet.settings.brand)).toEqual(folders);
  });

  it('throws for the first brand that fails', () => {
    const error = thrownBy(() => loadAllRuleSets(path.join(FIXTURES, 'rule-set-folders')));

    expect(error).toBeInstanceOf(RuleSetFileInvalidJsonError);
    expect(error).toMatchObject({ brand: 'invalid-json' });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
