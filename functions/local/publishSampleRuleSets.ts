import { publishBrand } from '../publishing/publishBrand';
import type { PublishResult } from '../publishing/publishResult';
import { createLocalWorkflowRunner } from '../publishing/workflow/localWorkflowRunner';
import type { RuleStore } from '../rule-store/ruleStore';
import { RULES_DIR, loadAllRuleSets } from '../ruleset/loadRuleSet';

/**
 * Publishes every rule set of `rules/` through the publish workflow, as `rules publish` would. A
 * rule set equal to the active version comes back `unchanged` without a workflow run.
 */
export async function publishSampleRuleSets(store: RuleStore, serviceHosts: string[]): Promise<PublishResult[]> {
  const runner = createLocalWorkflowRunner(store, serviceHosts);
  const results: PublishResult[] = [];
  for (const ruleSet of loadAllRuleSets(RULES_DIR)) {
    results.push(await publishBrand({ ruleSet, actor: 'npm start', store, runner }));
  }
  return results;
}
