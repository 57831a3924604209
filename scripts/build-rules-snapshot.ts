/**
 * Writes the rule sets of `rules/` to functions/routing/bundledRuleSets.generated.json, which the
 * redirect bundle serves when the rule store is unreachable at a cold start.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES_DIR, loadAllRuleSets } from '../functions/ruleset/loadRuleSet';

export const SNAPSHOT_PATH = resolve(__dirname, '../functions/routing/bundledRuleSets.generated.json');

/** Renders the snapshot. Expectations are left out: the hot path never reads them. */
export function renderSnapshot(): string {
  const ruleSets = loadAllRuleSets(RULES_DIR).map((ruleSet) => ({ ...ruleSet, expectations: [] }));
  return `${JSON.stringify(ruleSets, null, 1)}\n`;
}

if (require.main === module) {
  writeFileSync(SNAPSHOT_PATH, renderSnapshot());
  console.log(`Wrote ${SNAPSHOT_PATH}`);
}
