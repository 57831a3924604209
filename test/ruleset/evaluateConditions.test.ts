import fc from 'fast-check';
import { UnsupportedConditionError } from '../../functions/ruleset/compileErrors';
import { compileConditions, evaluateConditions } from '../../functions/ruleset/evaluateConditions';
import type { RuleFacts } from '../../functions/ruleset/ruleSet';
import { createEngineOracle } from '../support/engineOracle';
import { buildRuleSet, route } from './fixtures/ruleSetFactory';

const SOURCE = { brand: 'test', ruleId: 'rule-under-test' };
const FACTS: RuleFacts = { product: 'auto', language: 'es', state: 'TX', zip: '73301' };

/** Runs json-rules-engine on one rule to learn whether it matches, as the reference result. */
async function engineMatches(conditions: unknown, facts: RuleFacts): Promise<boolean> {
  const oracle = createEngineOracle(buildRuleSet([route('probe', 1, 'online', conditions as never)]));

  return (await oracle.successes(facts)).length === 1;
}

const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });

describe('evaluateConditions', () => {
  const cases: [string, unknown, boolean][] = [
    ['equal on the same value', { all: [leaf('product', 'equal', 'auto')] }, true],
    ['equal on another value', { all: [leaf('product', 'equal', 'home')] }, false],
    ['equal is case-sensitive', { all: [leaf('state', 'equal', 'tx')] }, false],
    ['notEqual on another value', { all: [leaf('language', 'notEqual', 'en')] }, true],
    ['notEqual on the same value', { all: [leaf('language', 'notEqual', 'es')] }, false],
    ['in with a member', { all: [leaf('state', 'in', ['CA', 'TX'])] }, true],
    ['in without a member', { all: [leaf('state', 'in', ['CA', 'NY'])] }, false],
    ['in with an empty array', { all: [leaf('state', 'in', [])] }, false],
    ['notIn without a member', { all: [leaf('zip', 'notIn', ['90210'])] }, true],
    ['notIn with a member', { all: [leaf('zip', 'notIn', ['73301', '90210'])] }, false],
    ['notIn with an empty array', { all: [leaf('zip', 'notIn', [])] }, true],
    ['all with one false child', { all: [leaf('product', 'equal', 'auto'), leaf('state', 'equal', 'CA')] }, false],
    ['any with one true child', { any: [leaf('product', 'equal', 'home'), leaf('state', 'equal', 'TX')] }, true],
    ['any with no true child', { any: [leaf('product', 'equal', 'home'), leaf('state', 'equal', 'CA')] }, false],
    ['empty all', { all: [] }, true],
    ['empty any', { any: [] }, true],
    ['not of a true leaf', { not: leaf('state', 'equal', 'TX') }, false],
    ['not of a false leaf', { not: leaf('state', 'equal', 'CA') }, true],
    ['not of an empty any', { not: { any: [] } }, false],
    ['not nested twice', { not: { not: { all: [leaf('zip', 'equal', '73301')] } } }, true],
    ['any before all in one node', { any: [leaf('state', 'equal', 'CA')], all: [leaf('state', 'equal', 'TX')] }, false],
    ['all before not in one node', { all: [leaf('state', 'equal', 'TX')], not: leaf('state', 'equal', 'TX') }, true],
    [
      'all inside any inside not',
      { not: { any: [{ all: [leaf('product', 'equal', 'auto'), leaf('language', 'in', ['en'])] }, leaf('zip', 'equal', '00000')] } },
      true,
    ],
  ];

  it.each(cases)('evaluates %s', async (_name, conditions, expected) => {
    const result = evaluateConditions(conditions, FACTS, SOURCE);

    expect(result).toBe(expected);
    await expect(engineMatches(conditions, FACTS)).resolves.toBe(expected);
  });

  const rejected: [string, unknown, RegExp][] = [
    ['a leaf as root', leaf('state', 'equal', 'TX'), /at conditions: the root must be an object/],
    ['a condition reference', { all: [{ condition: 'shared' }] }, /conditions\.all\[0\]: shared condition references/],
    ['an unknown fact', { any: [leaf('country', 'equal', 'US')] }, /conditions\.any\[0\]: fact "country" is not one of product, language, state, zip/],
    ['an unknown operator', { all: [leaf('zip', 'lessThan', '5')] }, /operator "lessThan" is not one of equal, notEqual, in, notIn/],
    ['a number value', { all: [leaf('zip', 'equal', 90210)] }, /"equal" needs a string value, got 90210/],
    ['a fact reference value', { all: [leaf('zip', 'notEqual', { fact: 'state' })] }, /"notEqual" needs a string value, got \{"fact":"state"\}/],
    ['a string value for in', { all: [leaf('state', 'in', 'CA,TX')] }, /"in" needs an array of strings as value, got "CA,TX"/],
    ['a number item for notIn', { all: [leaf('zip', 'notIn', ['90210', 10001])] }, /"notIn" needs an array of strings/],
    ['an array under not', { not: [leaf('state', 'equal', 'TX')] }, /conditions\.not: "not" takes one condition, not an array/],
    ['an object under all', { all: leaf('state', 'equal', 'TX') }, /conditions\.all: "all" must be an array of conditions/],
  ];

  it.each(rejected)('rejects %s', (_name, conditions, message) => {
    const compile = () => compileConditions(conditions, SOURCE);

    expect(compile).toThrow(UnsupportedConditionError);
    expect(compile).toThrow(message);
    expect(compile).toThrow(/Rule "rule-under-test" of brand "test"/);
  });

  it('gives the engine result for random condition trees', async () => {
    const values = { product: ['auto', 'home'], language: ['en', 'es'], state: ['CA', 'TX', 'NY'], zip: ['73301', '90210'] };
    const facts = fc.record({
      product: fc.constantFrom(...values.product),
      language: fc.constantFrom(...values.language),
      state: fc.constantFrom(...values.state),
      zip: fc.constantFrom(...values.zip),
    });
    const factName = fc.constantFrom('product', 'language', 'state', 'zip') as fc.Arbitrary<keyof typeof values>;
    const leafArbitrary = factName.chain((fact) =>
      fc.oneof(
        fc.record({ fact: fc.constant(fact), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom(...values[fact]) }),
        fc.record({ fact: fc.constant(fact), operator: fc.constantFrom('in', 'notIn'), value: fc.subarray(values[fact]) }),
      ),
    );
    const { tree } = fc.letrec<{ tree: unknown }>((recurse) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leafArbitrary,
        fc.record({ all: fc.array(recurse('tree'), { maxLength: 3 }) }),
        fc.record({ any: fc.array(recurse('tree'), { maxLength: 3 }) }),
        fc.record({ not: recurse('tree') }),
      ),
    }));
    const root = fc.oneof(fc.record({ all: fc.array(tree, { maxLength: 3 }) }), fc.record({ any: fc.array(tree, { maxLength: 3 }) }), fc.record({ not: tree }));

    await fc.assert(
      fc.asyncProperty(root, facts, async (conditions, input) => {
        expect(evaluateConditions(conditions, input, SOURCE)).toBe(await engineMatches(conditions, input));
      }),
      { numRuns: 200 },
    );
  });
});
