import type { RuleSet } from '../ruleset/ruleSet';
import snapshot from './bundledRuleSets.generated.json';

/**
 * Returns the rule sets of `rules/` as they were when the bundle was built. The hot path serves them only
 * when the rule store cannot be read at a cold start. `npm run rules:snapshot` regenerates the
 * file, and a test fails while it differs from `rules/`.
 */
export function bundledRuleSets(): RuleSet[] {
  return snapshot as unknown as RuleSet[];
}
