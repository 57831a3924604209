import { createHash } from 'node:crypto';
import { validateRuleSet } from '../../../functions/publishing/validation/validateRuleSet';
import type { RuleProblem, RuleProblemCode, ValidationReport } from '../../../functions/publishing/validation/ruleProblem';
import { loadAllRuleSets } from '../../../functions/ruleset/loadRuleSet';
import type { RuleSet } from '../../../functions/ruleset/ruleSet';
import { lookupState } from '../../../functions/routing/zip/lookupState';
import { derive, rule, validRuleSet } from './validRuleSet';

const SERVICE_HOSTS = ['go.demo.example'];

function validate(ruleSet: RuleSet): ValidationReport {
  return validateRuleSet(ruleSet, { lookupState, serviceHosts: SERVICE_HOSTS });
}

function findProblem(report: ValidationReport, code: RuleProblemCode): RuleProblem | undefined {
  return [...report.errors, ...report.warnings].find((problem) => problem.code === code);
}

function ruleNamed(ruleSet: RuleSet, name: string): RuleSet['rules'][number] {
  const found = ruleSet.rules.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`fixture has no rule ${name}`);
  return found;
}

function firstLeaf(ruleSet: RuleSet, name: string): Record<string, unknown> {
  return (ruleNamed(ruleSet, name).conditions as { all: Record<string, unknown>[] }).all[0] as Record<string, unknown>;
}

interface BadCase {
  change: (ruleSet: RuleSet) => void;
  code: RuleProblemCode;
  severity: 'error' | 'warning';
  rule?: string;
  /** Text the message must contain besides the brand. */
  mentions: string[];
}

const BAD_RULE_SETS: Record<string, BadCase> = {
  'priority of the wrong type': {
    change: (ruleSet) => ((ruleNamed(ruleSet, 'auto-default') as { priority: unknown }).priority = 'high'),
    code: 'schema_violation',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['rules.json', '/rules/0/priority'],
  },
  'two rules with one name': {
    change: (ruleSet) => (ruleNamed(ruleSet, 'home-default').name = 'auto-default'),
    code: 'duplicate_rule_name',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['rules[0]', 'rules[1]'],
  },
  'a fact no request supplies': {
    change: (ruleSet) => (firstLeaf(ruleSet, 'auto-default').fact = 'channel'),
    code: 'unknown_fact',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['"channel"', 'rules[0].conditions.all[0]', 'product, language, state, zip'],
  },
  'an operator of another vocabulary': {
    change: (ruleSet) => (firstLeaf(ruleSet, 'auto-default').operator = 'equals'),
    code: 'unknown_operator',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['"equals"', 'Did you mean "equal"?'],
  },
  'a shared condition reference': {
    change: (ruleSet) => (ruleNamed(ruleSet, 'auto-default').conditions = { all: [{ condition: 'isAuto' }] } as never),
    code: 'condition_reference',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['"isAuto"', 'inline'],
  },
  'a JSON path into a fact': {
    change: (ruleSet) => (firstLeaf(ruleSet, 'auto-default').path = '$.name'),
    code: 'fact_path',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['$.name', 'Remove "path"'],
  },
  'an in with a string': {
    change: (ruleSet) => ((ruleNamed(ruleSet, 'auto-agent-states').conditions as { all: Record<string, unknown>[] }).all[1]!.value = 'MI,NJ'),
    code: 'value_not_array',
    severity: 'error',
    rule: 'auto-agent-states',
    mentions: ['state in "MI,NJ"', '["MI","NJ"]', 'substring'],
  },
  'an equal with an array': {
    change: (ruleSet) => (firstLeaf(ruleSet, 'auto-default').value = ['auto']),
    code: 'value_not_string',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['Use "in"'],
  },
  'a ZIP written as a number': {
    change: (ruleSet) => ((ruleNamed(ruleSet, 'home-chelsea-callback').conditions as { all: Record<string, unknown>[] }).all[1] = { fact: 'zip', operator: 'equal', value: 2134 }),
    code: 'value_not_string',
    severity: 'error',
    rule: 'home-chelsea-callback',
    mentions: ['"02134"'],
  },
  'a rule testing only a negation': {
    change: (ruleSet) => ruleSet.rules.push(rule('not-new-york', 5, 'auto-online', { all: [{ fact: 'state', operator: 'notEqual', value: 'NY' }] })),
    code: 'negative_only_rule',
    severity: 'warning',
    rule: 'not-new-york',
    mentions: ['state notEqual "NY"', 'e.g. product=auto, language=en, state=AL'],
  },
  'a negation through not': {
    change: (ruleSet) => ruleSet.rules.push(rule('not-michigan', 5, 'auto-online', { not: { fact: 'state', operator: 'equal', value: 'MI' } })),
    code: 'negative_only_rule',
    severity: 'warning',
    rule: 'not-michigan',
    mentions: ['not (state equal "MI")'],
  },
  'a negation on a fact a request can lack': {
    change: (ruleSet) => (ruleNamed(ruleSet, 'auto-default').conditions as { all: unknown[] }).all.push({ fact: 'channel', operator: 'notEqual', value: 'app' }),
    code: 'negative_condition_on_missing_fact',
    severity: 'warning',
    rule: 'auto-default',
    mentions: ['channel notEqual "app"'],
  },
  'a product the brand does not offer': {
    change: (ruleSet) => (firstLeaf(ruleSet, 'auto-default').value = 'boat'),
    code: 'unoffered_product',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['"boat"', 'Offered products: auto, home'],
  },
  'a language no product offers': {
    change: (ruleSet) => (ruleNamed(ruleSet, 'auto-default').conditions as { all: unknown[] }).all.push({ fact: 'language', operator: 'equal', value: 'fr' }),
    code: 'unoffered_language',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['"fr"', 'Offered languages: en, es'],
  },
  'a lower-case state': {
    change: (ruleSet) => ((ruleNamed(ruleSet, 'auto-agent-states').conditions as { all: Record<string, unknown>[] }).all[1]!.value = ['mi', 'NJ']),
    code: 'unknown_state',
    severity: 'error',
    rule: 'auto-agent-states',
    mentions: ['"mi"', 'Write "MI" in upper case'],
  },
  'a four-digit ZIP': {
    change: (ruleSet) => ((ruleNamed(ruleSet, 'home-chelsea-callback').conditions as { all: Record<string, unknown>[] }).all[1]!.value = ['2134']),
    code: 'invalid_zip_value',
    severity: 'error',
    rule: 'home-chelsea-callback',
    mentions: ['"2134"', '5-digit'],
  },
  'a ZIP no state has': {
    change: (ruleSet) => ((ruleNamed(ruleSet, 'home-chelsea-callback').conditions as { all: Record<string, unknown>[] }).all[1]!.value = ['00000']),
    code: 'unknown_zip',
    severity: 'error',
    rule: 'home-chelsea-callback',
    mentions: ['"00000"'],
  },
  'a product without the default language': {
    change: (ruleSet) => (ruleSet.settings.products.home = { languages: ['es'] }),
    code: 'default_language_not_offered',
    severity: 'warning',
    mentions: ['"home"', '"en"', 'unsupported_language'],
  },
  'a rule routing to a missing form': {
    change: (ruleSet) => (ruleNamed(ruleSet, 'auto-default').event.params.form = 'auto-quote'),
    code: 'unknown_form',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['"auto-quote"', 'Defined forms: auto-online'],
  },
  'a missing fallback form': {
    change: (ruleSet) => (ruleSet.settings.fallbackForm = 'start'),
    code: 'unknown_fallback_form',
    severity: 'error',
    mentions: ['"start"'],
  },
  'a form no rule uses': {
    change: (ruleSet) => (ruleSet.forms.legacy = { url: 'https://quote.demo.example/legacy', type: 'online' }),
    code: 'unused_form',
    severity: 'warning',
    mentions: ['"legacy"'],
  },
  'a URL that does not parse': {
    change: (ruleSet) => (ruleSet.forms['auto-online']!.url = 'quote.demo.example/auto'),
    code: 'invalid_url',
    severity: 'error',
    mentions: ['form "auto-online"', '"quote.demo.example/auto"'],
  },
  'a plain http URL': {
    change: (ruleSet) => (ruleSet.forms['auto-online']!.url = 'http://quote.demo.example/auto'),
    code: 'insecure_url',
    severity: 'error',
    mentions: ['form "auto-online"', 'https'],
  },
  'a URL with user info': {
    change: (ruleSet) => (ruleSet.forms['auto-online']!.url = 'https://quote.demo.example@evil.example/auto'),
    code: 'url_userinfo',
    severity: 'error',
    mentions: ['user info'],
  },
  'a host outside allowedHosts': {
    change: (ruleSet) => (ruleSet.forms['auto-online']!.url = 'https://quote.demo.example.evil.example/auto'),
    code: 'host_not_allowed',
    severity: 'error',
    mentions: ['quote.demo.example.evil.example', 'allowedHosts'],
  },
  'a fallbackUrl outside allowedHosts': {
    change: (ruleSet) => (ruleSet.settings.fallbackUrl = 'https://www.demo.example/start'),
    code: 'host_not_allowed',
    severity: 'error',
    mentions: ['fallbackUrl', 'www.demo.example'],
  },
  'a destination on Form Router itself': {
    change: (ruleSet) => {
      ruleSet.settings.allowedHosts.push('go.demo.example');
      ruleSet.forms['auto-online']!.url = 'https://GO.demo.example/v1/redirect?brand=demo';
    },
    code: 'service_host',
    severity: 'error',
    mentions: ['go.demo.example', 'loop'],
  },
  'an allowed host on Form Router itself': {
    change: (ruleSet) => ruleSet.settings.allowedHosts.push('go.demo.example'),
    code: 'allowed_host_is_service_host',
    severity: 'error',
    mentions: ['"go.demo.example"'],
  },
  'an unknown placeholder': {
    change: (ruleSet) => (ruleSet.forms['auto-online']!.url = 'https://quote.demo.example/auto?zip={zipcode}'),
    code: 'unknown_placeholder',
    severity: 'error',
    mentions: ['{zipcode}', '{zip} {state} {product} {lang}'],
  },
  'an unbalanced brace': {
    change: (ruleSet) => (ruleSet.forms['auto-online']!.url = 'https://quote.demo.example/auto?zip={zip'),
    code: 'unknown_placeholder',
    severity: 'error',
    mentions: ['"{" or "}"'],
  },
  'a placeholder in the host': {
    change: (ruleSet) => (ruleSet.forms['auto-online']!.url = 'https://{state}.demo.example/auto'),
    code: 'placeholder_in_host',
    severity: 'error',
    mentions: ['{state}.demo.example'],
  },
  'an allowed host with a scheme': {
    change: (ruleSet) => (ruleSet.settings.allowedHosts[0] = 'https://quote.demo.example/'),
    code: 'invalid_allowed_host',
    severity: 'error',
    mentions: ['"https://quote.demo.example/"', '"quote.demo.example"'],
  },
  'a wildcard allowed host': {
    change: (ruleSet) => ruleSet.settings.allowedHosts.push('*.demo.example'),
    code: 'invalid_allowed_host',
    severity: 'error',
    mentions: ['Wildcards'],
  },
  'two equal priorities on one input': {
    change: (ruleSet) =>
      ruleSet.rules.push(
        rule('michigan-online', 10, 'auto-online', {
          all: [
            { fact: 'product', operator: 'equal', value: 'auto' },
            { fact: 'state', operator: 'equal', value: 'MI' },
          ],
        }),
      ),
    code: 'rule_conflict',
    severity: 'error',
    rule: 'michigan-online',
    mentions: ['"auto-agent-states"', '"michigan-online"', 'priority 10', 'product=auto, language=en, state=MI'],
  },
  'a rule a higher one always beats': {
    change: (ruleSet) =>
      ruleSet.rules.push(
        rule('michigan-online', 5, 'auto-online', {
          all: [
            { fact: 'product', operator: 'equal', value: 'auto' },
            { fact: 'state', operator: 'equal', value: 'MI' },
          ],
        }),
      ),
    code: 'shadowed_rule',
    severity: 'error',
    rule: 'michigan-online',
    mentions: ['rule "auto-agent-states" (priority 10)', 'product=auto, language=en, state=MI'],
  },
  'a rule no input satisfies': {
    change: (ruleSet) => (ruleNamed(ruleSet, 'auto-default').conditions as { all: unknown[] }).all.push({ fact: 'product', operator: 'equal', value: 'home' }),
    code: 'rule_never_matches',
    severity: 'error',
    rule: 'auto-default',
    mentions: ['matches no input'],
  },
  'a product without a default rule': {
    change: (ruleSet) => ruleSet.rules.splice(ruleSet.rules.indexOf(ruleNamed(ruleSet, 'home-default')), 1),
    code: 'coverage_gap',
    severity: 'error',
    mentions: ['60 inputs', 'fallback form "quote-start"', 'e.g. product=home, language=en, state=AL', 'home/en in 60 states (AL, AK,'],
  },
};

describe('validateRuleSet', () => {
  it('reports nothing for the valid fixture', () => {
    const report = validate(validRuleSet());

    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it.each(loadAllRuleSets().map((ruleSet) => [ruleSet.settings.brand, ruleSet] as const))('accepts the sample brand %s', (_brand, ruleSet) => {
    expect(validate(ruleSet).errors).toEqual([]);
  });

  it.each(Object.entries(BAD_RULE_SETS))('reports %s', (_case, bad) => {
    const report = validate(derive(bad.change));
    const problem = findProblem(report, bad.code);

    expect(problem).toBeDefined();
    expect(problem?.severity).toBe(bad.severity);
    expect(problem?.brand).toBe('demo');
    expect(problem?.message).toContain('"demo"');
    if (bad.rule !== undefined) {
      expect(problem?.rule).toBe(bad.rule);
      expect(problem?.message).toContain(`"${bad.rule}"`);
    }
    for (const text of bad.mentions) {
      expect(problem?.message).toContain(text);
    }
  });

  it('lists the examples and count of coverage gaps', () => {
    const report = validate(derive((ruleSet) => ruleSet.rules.splice(ruleSet.rules.indexOf(ruleNamed(ruleSet, 'home-default')), 1)));
    const gap = findProblem(report, 'coverage_gap');

    expect(gap?.count).toBe(60);
    expect(gap?.examples).toHaveLength(5);
    expect(gap?.examples?.[0]).toEqual({ product: 'home', language: 'en', state: 'AL' });
  });

  it('names every winner when no single rule shadows', () => {
    const ruleSet = derive((draft) => {
      draft.rules.push(rule('florida-agent', 10, 'auto-agent', { all: [{ fact: 'product', operator: 'equal', value: 'auto' }, { fact: 'state', operator: 'equal', value: 'FL' }] }));
      draft.rules.push(rule('michigan-florida-online', 5, 'auto-online', { all: [{ fact: 'product', operator: 'equal', value: 'auto' }, { fact: 'state', operator: 'in', value: ['MI', 'FL'] }] }));
    });
    const shadowed = findProblem(validate(ruleSet), 'shadowed_rule');

    expect(shadowed?.rule).toBe('michigan-florida-online');
    expect(shadowed?.message).toContain('"auto-agent-states" (priority 10)');
    expect(shadowed?.message).toContain('"florida-agent" (priority 10)');
  });

  it('lets equal priorities with one form share the win', () => {
    const ruleSet = derive((draft) =>
      draft.rules.push(rule('michigan-agent', 10, 'auto-agent', { all: [{ fact: 'product', operator: 'equal', value: 'auto' }, { fact: 'state', operator: 'equal', value: 'MI' }] })),
    );
    const report = validate(ruleSet);

    expect(report.errors).toEqual([]);
  });

  it('skips the domain checks while rules cannot be evaluated', () => {
    const report = validate(derive((ruleSet) => (firstLeaf(ruleSet, 'auto-default').fact = 'channel')));
    const skipped = findProblem(report, 'domain_checks_skipped');

    expect(skipped?.severity).toBe('warning');
    expect(findProblem(report, 'coverage_gap')).toBeUndefined();
  });

  it('rejects a rule set above the size limit', () => {
    const ruleSet = derive((draft) => {
      for (let index = 0; index < 5000; index++) {
        draft.forms[`form-${index}`] = { url: `https://quote.demo.example/${randomText(index)}`, type: 'online' };
      }
    });
    const tooLarge = findProblem(validate(ruleSet), 'too_large');

    expect(tooLarge?.severity).toBe('error');
    expect(tooLarge?.message).toContain('KiB compressed');
  });

  it.each([
    ['null settings', { settings: null, forms: {}, rules: [], expectations: [] }],
    ['rules as a string', { ...validRuleSet(), rules: 'auto-default' }],
    ['forms as a list', { ...validRuleSet(), forms: ['auto-online'] }],
    ['a rule as a number', { ...validRuleSet(), rules: [7] }],
    ['conditions as null', derive((ruleSet) => (ruleNamed(ruleSet, 'auto-default').conditions = null as never))],
  ])('reports errors without throwing for %s', (_case, ruleSet) => {
    const report = validate(ruleSet as unknown as RuleSet);

    expect(report.errors.length).toBeGreaterThan(0);
  });
});

/** 256 characters of SHA-512 output, which gzip cannot shrink much. */
function randomText(seed: number): string {
  const digests = [1, 2, 3].map((part) => createHash('sha512').update(`${seed}/${part}`).digest());

  return Buffer.concat(digests).toString('base64url');
}
