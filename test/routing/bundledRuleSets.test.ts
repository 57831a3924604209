import { readFileSync } from 'node:fs';
import { SNAPSHOT_PATH, renderSnapshot } from '../../scripts/build-rules-snapshot';
import { bundledRuleSets } from '../../functions/routing/bundledRuleSets';

describe('bundledRuleSets', () => {
  it('matches rules/ (run npm run rules:snapshot after changing rules)', () => {
    expect(readFileSync(SNAPSHOT_PATH, 'utf8')).toBe(renderSnapshot());
  });

  it('contains every sample brand', () => {
    expect(bundledRuleSets().map((ruleSet) => ruleSet.settings.brand)).toEqual(['acme', 'bluebonnet', 'pinecrest']);
  });
});
