import { readFileSync } from 'node:fs';
import path from 'node:path';
import brandSchema from '../../rules/schemas/brand.schema.json';
import expectationsSchema from '../../rules/schemas/expectations.schema.json';
import formsSchema from '../../rules/schemas/forms.schema.json';
import rulesSchema from '../../rules/schemas/rules.schema.json';
import { RULES_DIR, loadAllRuleSets } from '../../functions/ruleset/loadRuleSet';
import { FORM_TYPES, RULE_FACTS, RULE_OPERATORS } from '../../functions/ruleset/ruleSet';
import { RULE_SET_FILE_NAMES } from '../../functions/ruleset/ruleSetFiles';
import type { RuleSetFiles } from '../../functions/ruleset/ruleSetFiles';
import { formatSchemaProblem, validateRuleSetSchema } from '../../functions/ruleset/validateSchema';
import { US_STATES } from '../../functions/shared/usStates';

/** Reads and parses the four files of a sample brand on every call, so that tests can change them. */
function sampleFiles(brand: string): RuleSetFiles {
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(RULES_DIR, brand, file), 'utf8'));

  return {
    'brand.json': read('brand.json'),
    'forms.json': read('forms.json'),
    'rules.json': read('rules.json'),
    'expectations.json': read('expectations.json'),
  };
}

/** Lets a table entry change one file of the acme sample in place. */
type Edit = (files: { brand: any; forms: any; rules: any; expectations: any }) => void;

function brokenAcme(edit: Edit): string[] {
  const files = sampleFiles('acme');
  edit({ brand: files['brand.json'], forms: files['forms.json'], rules: files['rules.json'], expectations: files['expectations.json'] });

  return validateRuleSetSchema(files, { folderName: 'acme' }).map(formatSchemaProblem);
}

const sampleBrands = loadAllRuleSets(RULES_DIR).map((ruleSet) => ruleSet.settings.brand);

describe('validateRuleSetSchema', () => {
  it.each(sampleBrands)('accepts the files of sample %s', (brand) => {
    const problems = validateRuleSetSchema(sampleFiles(brand), { folderName: brand });

    expect(problems.map(formatSchemaProblem)).toEqual([]);
  });

  it.each(loadAllRuleSets(RULES_DIR).map((ruleSet) => [ruleSet.settings.brand, ruleSet] as const))(
    'accepts the loaded rule set of sample %s',
    (_brand, ruleSet) => {
      expect(validateRuleSetSchema(ruleSet)).toEqual([]);
    },
  );

  it.each<[string, Edit, string]>([
    ['a priority that is not a number', ({ rules }) => (rules.rules[3].priority = 'high'), 'acme rules.json /rules/3/priority: must be integer ≥ 1, got "high"'],
    ['a priority of zero', ({ rules }) => (rules.rules[0].priority = 0), 'acme rules.json /rules/0/priority: must be integer ≥ 1, got 0'],
    ['a fractional priority', ({ rules }) => (rules.rules[0].priority = 1.5), 'acme rules.json /rules/0/priority: must be integer ≥ 1, got 1.5'],
    ['a missing rule name', ({ rules }) => delete rules.rules[2].name, 'acme rules.json /rules/2: missing required property "name"'],
    ['an upper-case rule name', ({ rules }) => (rules.rules[0].name = 'Auto-Default'), 'acme rules.json /rules/0/name: must be string matching ^[a-z][a-z0-9-]{1,62}$, got "Auto-Default"'],
    ['an unknown rule property', ({ rules }) => (rules.rules[1].enabled = true), 'acme rules.json /rules/1/enabled: unknown property "enabled" (allowed: name, priority, description, conditions, event)'],
    ['an empty rule list', ({ rules }) => (rules.rules = []), 'acme rules.json /rules: must have at least 1 item'],
    ['an unknown fact', ({ rules }) => (rules.rules[0].conditions.all[0].fact = 'age'), 'acme rules.json /rules/0/conditions/all/0/fact: must be one of "product", "language", "state", "zip", got "age"'],
    ['an unsupported operator', ({ rules }) => (rules.rules[0].conditions.all[0].operator = 'greaterThan'), 'acme rules.json /rules/0/conditions/all/0/operator: must be one of "equal", "notEqual", "in", "notIn", got "greaterThan"'],
    ['an unknown state code', ({ rules }) => (rules.rules[4].conditions.all[1].value = ['MA', 'XX']), 'acme rules.json /rules/4/conditions/all/1/value/1: must be one of the 62 values listed in the schema ("AL", "AK", "AZ", …), got "XX"'],
    ['a lower-case state code', ({ rules }) => (rules.rules[7].conditions.all[1].value = 'ny'), 'acme rules.json /rules/7/conditions/all/1/value: must be one of the 62 values listed in the schema'],
    ['a 4-digit ZIP', ({ rules }) => (rules.rules[12].conditions.all[1].value = '2134'), 'acme rules.json /rules/12/conditions/all/1/value: must be string matching ^[0-9]{5}$, got "2134"'],
    ['a ZIP given as a number', ({ rules }) => (rules.rules[13].conditions.all[1].value = ['77550', 77554]), 'acme rules.json /rules/13/conditions/all/1/value/1: must be string matching ^[0-9]{5}$, got 77554'],
    ['a language that is not a subtag', ({ rules }) => (rules.rules[0].conditions.all.push({ fact: 'language', operator: 'equal', value: 'es-US' })), 'acme rules.json /rules/0/conditions/all/1/value: must be string matching ^[a-z]{2,3}$, got "es-US"'],
    ['a string value for in', ({ rules }) => (rules.rules[4].conditions.all[1].value = 'MA'), 'acme rules.json /rules/4/conditions/all/1/value: must be array, got "MA"'],
    ['a list value for equal', ({ rules }) => (rules.rules[0].conditions.all[0].value = ['auto']), 'acme rules.json /rules/0/conditions/all/0/value: must be string, got an array'],
    ['an empty list for in', ({ rules }) => (rules.rules[4].conditions.all[1].value = []), 'acme rules.json /rules/4/conditions/all/1/value: must have at least 1 item'],
    ['a repeated value in a list', ({ rules }) => (rules.rules[4].conditions.all[1].value = ['MA', 'MI', 'MA']), 'acme rules.json /rules/4/conditions/all/1/value: must not repeat items: items 0 and 2 are both "MA"'],
    ['a condition without fact', ({ rules }) => delete rules.rules[0].conditions.all[0].fact, 'acme rules.json /rules/0/conditions/all/0: missing required property "fact"'],
    ['an extra condition key', ({ rules }) => (rules.rules[0].conditions.all[0].path = '$.x'), 'acme rules.json /rules/0/conditions/all/0/path: unknown property "path" (allowed: fact, operator, value)'],
    ['both all and any at the top', ({ rules }) => (rules.rules[0].conditions.any = rules.rules[0].conditions.all), 'acme rules.json /rules/0/conditions: must have exactly one of all, any, not, got all, any'],
    ['empty conditions', ({ rules }) => (rules.rules[0].conditions = {}), 'acme rules.json /rules/0/conditions: must have exactly one of all, any, not, got none'],
    ['an empty nested any', ({ rules }) => rules.rules[0].conditions.all.push({ any: [] }), 'acme rules.json /rules/0/conditions/all/1/any: must have at least 1 item'],
    ['a bad leaf under not', ({ rules }) => rules.rules[0].conditions.all.push({ not: { fact: 'state', operator: 'equal', value: 'ZZ' } }), 'acme rules.json /rules/0/conditions/all/1/not/value: must be one of the 62 values listed in the schema'],
    ['a condition reference', ({ rules }) => (rules.rules[0].conditions = { condition: 'shared' }), 'acme rules.json /rules/0/conditions/condition: unknown property "condition" (allowed: all, any, not)'],
    ['an event of another type', ({ rules }) => (rules.rules[0].event.type = 'redirect'), 'acme rules.json /rules/0/event/type: must be "route", got "redirect"'],
    ['an event without form', ({ rules }) => delete rules.rules[0].event.params.form, 'acme rules.json /rules/0/event/params: missing required property "form"'],
    ['an http form URL', ({ forms }) => (forms.forms['auto-online'].url = 'http://quote.acme-insurance.example/auto'), 'acme forms.json /forms/auto-online/url: must be string matching ^https://'],
    ['an unknown URL placeholder', ({ forms }) => (forms.forms['auto-online'].url = 'https://quote.acme-insurance.example/auto?city={city}'), 'acme forms.json /forms/auto-online/url: must be string matching'],
    ['a placeholder in the host', ({ forms }) => (forms.forms['auto-online'].url = 'https://{state}.acme-insurance.example/auto'), 'acme forms.json /forms/auto-online/url: must be string'],
    ['an unknown form type', ({ forms }) => (forms.forms['auto-online'].type = 'email'), 'acme forms.json /forms/auto-online/type: must be one of "online", "agent", "callback", "not-served", "fallback", got "email"'],
    ['an upper-case form id', ({ forms }) => (forms.forms.AutoOnline = forms.forms['auto-online']), 'acme forms.json /forms/AutoOnline: property name must be string matching ^[a-z][a-z0-9-]{1,62}$, got "AutoOnline"'],
    ['a form without type', ({ forms }) => delete forms.forms['quote-start'].type, 'acme forms.json /forms/quote-start: missing required property "type"'],
    ['no forms at all', ({ forms }) => (forms.forms = {}), 'acme forms.json /forms: must have at least 1 entry'],
    ['an upper-case brand id', ({ brand }) => (brand.brand = 'Acme'), 'acme brand.json /brand: must be string matching ^[a-z][a-z0-9-]{1,30}$, got "Acme"'],
    ['an upper-case product id', ({ brand }) => (brand.products.Auto = { languages: ['en'] }), 'acme brand.json /products/Auto: property name must be string matching ^[a-z][a-z0-9-]{1,30}$, got "Auto"'],
    ['a language name instead of a subtag', ({ brand }) => (brand.products.life.languages = ['english']), 'acme brand.json /products/life/languages/0: must be string matching ^[a-z]{2,3}$, got "english"'],
    ['a product without languages', ({ brand }) => (brand.products.life.languages = []), 'acme brand.json /products/life/languages: must have at least 1 item'],
    ['a language fallback given as a string', ({ brand }) => (brand.languageFallback = 'yes'), 'acme brand.json /languageFallback: must be boolean, got "yes"'],
    ['a host with a scheme', ({ brand }) => (brand.allowedHosts[0] = 'https://quote.acme-insurance.example'), 'acme brand.json /allowedHosts/0: must be string matching'],
    ['a bare wildcard parameter', ({ brand }) => (brand.forwardedParameters = ['*']), 'acme brand.json /forwardedParameters/0: must be string matching ^[A-Za-z0-9_.-]{1,64}\\*?$, got "*"'],
    ['a wildcard inside a parameter', ({ brand }) => (brand.forwardedParameters = ['utm_*x']), 'acme brand.json /forwardedParameters/0: must be string matching ^[A-Za-z0-9_.-]{1,64}\\*?$, got "utm_*x"'],
    ['an http fallback URL', ({ brand }) => (brand.fallbackUrl = 'http://www.acme-insurance.example/'), 'acme brand.json /fallbackUrl: must be string matching ^https://'],
    ['an empty display name', ({ brand }) => (brand.displayName = ''), 'acme brand.json /displayName: must not be empty'],
    ['a missing fallback form', ({ brand }) => delete brand.fallbackForm, 'acme brand.json (document): missing required property "fallbackForm"'],
    ['an unknown brand setting', ({ brand }) => (brand.theme = 'dark'), 'acme brand.json /theme: unknown property "theme" (allowed: $schema, brand, displayName'],
    ['a ZIP+4 in an expectation', ({ expectations }) => (expectations.cases[0].input.zip = '30303-1234'), 'acme expectations.json /cases/0/input/zip: must be string matching ^[0-9]{5}$, got "30303-1234"'],
    ['an expectation without form', ({ expectations }) => delete expectations.cases[1].expect.form, 'acme expectations.json /cases/1/expect: missing required property "form"'],
    ['an expected rule that is a number', ({ expectations }) => (expectations.cases[2].expect.rule = 7), 'acme expectations.json /cases/2/expect/rule: must be string or null matching ^[a-z][a-z0-9-]{1,62}$, got 7'],
    ['an expected state that is unknown', ({ expectations }) => (expectations.cases[0].expect.state = 'Georgia'), 'acme expectations.json /cases/0/expect/state: must be one of the 62 values listed in the schema ("AL", "AK", "AZ", …), got "Georgia"'],
    ['an unknown input key', ({ expectations }) => (expectations.cases[0].input.brand = 'acme'), 'acme expectations.json /cases/0/input/brand: unknown property "brand" (allowed: product, zip, lang)'],
  ])('rejects %s', (_label, edit, expected) => {
    const problems = brokenAcme(edit);

    expect(problems.join('\n')).toContain(expected);
  });

  it('reports exactly one problem for one type error', () => {
    const problems = brokenAcme(({ rules }) => (rules.rules[0].conditions.all[0].value = 5));

    expect(problems).toEqual(['acme rules.json /rules/0/conditions/all/0/value: must be string, got 5']);
  });

  it('accepts null as the expected rule', () => {
    const problems = brokenAcme(({ expectations }) => (expectations.cases[0].expect.rule = null));

    expect(problems).toEqual([]);
  });

  it('accepts nested any and not groups', () => {
    const problems = brokenAcme(({ rules }) =>
      rules.rules[0].conditions.all.push({ any: [{ not: { fact: 'state', operator: 'in', value: ['PR'] } }, { all: [{ fact: 'zip', operator: 'notEqual', value: '00901' }] }] }),
    );

    expect(problems).toEqual([]);
  });

  it('reports a brand that differs from its folder name', () => {
    const problems = validateRuleSetSchema(sampleFiles('acme'), { folderName: 'acme-old' });

    expect(problems).toEqual([{ brand: 'acme-old', file: 'brand.json', pointer: '/brand', message: 'must equal the folder name "acme-old", got "acme"' }]);
  });

  it('names the brand from brand.json without a folder name', () => {
    const files = sampleFiles('bluebonnet');
    (files['rules.json'] as any).rules[0].priority = -1;

    expect(validateRuleSetSchema(files).map((problem) => problem.brand)).toEqual(['bluebonnet']);
  });

  it('reports files that are not objects', () => {
    const files: RuleSetFiles = { 'brand.json': null, 'forms.json': [], 'rules.json': 'rules', 'expectations.json': 1 };

    expect(validateRuleSetSchema(files).map(formatSchemaProblem)).toEqual([
      '(unnamed brand) brand.json (document): must be object, got null',
      '(unnamed brand) forms.json (document): must be object, got an array',
      '(unnamed brand) rules.json (document): must be object, got "rules"',
      '(unnamed brand) expectations.json (document): must be object, got 1',
    ]);
  });

  it('validates an assembled rule set as its files', () => {
    const [ruleSet] = loadAllRuleSets(RULES_DIR);
    const broken = structuredClone(ruleSet!);
    (broken.expectations[0]!.input as any).zip = 30303;

    expect(validateRuleSetSchema(broken).map(formatSchemaProblem)).toEqual([
      'acme expectations.json /cases/0/input/zip: must be string matching ^[0-9]{5}$, got 30303',
    ]);
  });
});

describe('rule-set JSON Schemas', () => {
  const schemas = { 'brand.json': brandSchema, 'forms.json': formsSchema, 'rules.json': rulesSchema, 'expectations.json': expectationsSchema };

  it('list the state codes of US_STATES', () => {
    expect(rulesSchema.$defs.stateCode.enum).toEqual([...US_STATES]);
    expect(expectationsSchema.$defs.case.properties.expect.properties.state.enum).toEqual([...US_STATES]);
  });

  it('list the facts, operators and form types of the rule-set types', () => {
    expect(rulesSchema.$defs.factCondition.properties.fact.enum).toEqual([...RULE_FACTS]);
    expect(rulesSchema.$defs.factCondition.properties.operator.enum).toEqual([...RULE_OPERATORS]);
    expect(formsSchema.$defs.form.properties.type.enum).toEqual([...FORM_TYPES]);
  });

  it.each(RULE_SET_FILE_NAMES)('describe every property of %s', (file) => {
    const undescribed = propertiesWithoutDescription(schemas[file], '');

    expect(undescribed).toEqual([]);
  });
});

const CONDITIONAL_KEYWORDS = new Set(['if', 'then', 'else', 'allOf']);

/** Paths of schema properties that lack a `description`, which editors show as help. */
function propertiesWithoutDescription(node: unknown, at: string): string[] {
  if (typeof node !== 'object' || node === null) return [];

  const entries = Object.entries(node as Record<string, unknown>);
  const own = entries
    .filter(([key]) => key === 'properties')
    .flatMap(([, properties]) => Object.entries(properties as Record<string, Record<string, unknown>>))
    .filter(([, property]) => typeof property.description !== 'string' && typeof property.$ref !== 'string')
    .map(([name]) => `${at}/properties/${name}`);

  // Conditional branches only narrow properties that are described where they are declared.
  const nested = entries.filter(([key]) => !CONDITIONAL_KEYWORDS.has(key));

  return [...own, ...nested.flatMap(([key, value]) => propertiesWithoutDescription(value, `${at}/${key}`))];
}
