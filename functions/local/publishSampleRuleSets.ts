import { loadBrand } from '../cli/rules/loadBrand';
import { publishBrand } from '../publishing/publishBrand';
import type { PublishResult } from '../publishing/publishResult';
import { createLocalWorkflowRunner } from '../publishing/workflow/localWorkflowRunner';
import type { RuleStore } from '../rule-store/ruleStore';
import { RULES_DIR, listBrandFolders } from '../ruleset/loadRuleSet';

/**
 * Publishes every rule set of `rules/` through the publish workflow, as `rules publish` would. A
 * rule set equal to the active version comes back `unchanged` without a workflow run. A brand
 * whose files do not load is `rejected` alone: the other brands are still published, and the
 * rejected one keeps serving its active version.
 */
export async function publishSampleRuleSets(store: RuleStore, serviceHosts: string[]): Promise<PublishResult[]> {
  const runner = createLocalWorkflowRunner(store, serviceHosts);
  const results: PublishResult[] = [];

  for (const brand of listBrandFolders(RULES_DIR)) {
    const loaded = loadBrand(RULES_DIR, brand);
    if (!loaded.ok) {
      const errors = loaded.problems.map((problem) => `[${problem.code}] ${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
      results.push({ outcome: 'rejected', brand, publishId: null, version: null, previousVersion: null, errors });
      continue;
    }
    results.push(await publishBrand({ ruleSet: loaded.ruleSet, actor: 'npm start', store, runner }));
  }

  return results;
}
