import type { RedirectEvent, RedirectEventSink } from '../../functions/redirect-logging/redirectEvent';
import type { ActivePointer, StoredVersion } from '../../functions/rule-store/ruleStore';
import { createRequestHandler } from '../../functions/routing/http/app';
import { RoutingTableCache } from '../../functions/routing/routingTableCache';
import type { ActiveVersionSource } from '../../functions/routing/routingTableCache';
import { lookupState } from '../../functions/routing/zip/lookupState';
import { compileRoutingTable } from '../../functions/ruleset/compileRoutingTable';
import { RULES_DIR, loadAllRuleSets } from '../../functions/ruleset/loadRuleSet';
import type { RuleSet } from '../../functions/ruleset/ruleSet';

/** A sink that keeps every event, for assertions. */
export class CapturingEventSink implements RedirectEventSink {
  readonly events: RedirectEvent[] = [];

  async send(event: RedirectEvent): Promise<void> {
    this.events.push(event);
  }

  async flush(): Promise<void> {}
}

/** Serves the given rule sets as active version 1 each, without a store. */
export function staticSource(ruleSets: RuleSet[]): ActiveVersionSource {
  return {
    listActive: async (): Promise<ActivePointer[]> =>
      ruleSets.map((ruleSet) => ({ brand: ruleSet.settings.brand, version: 1, activatedAt: '', activatedBy: 'test', previousVersion: null })),
    getVersion: async (brand: string, version: number): Promise<StoredVersion> => {
      const ruleSet = ruleSets.find((candidate) => candidate.settings.brand === brand);
      if (!ruleSet) {
        throw new Error(`no rule set for ${brand}`);
      }
      return { brand, version, contentHash: '', createdAt: '', createdBy: 'test', sizeBytes: 0, ruleSet };
    },
  };
}

/** The HTTP handler over the sample rule sets of `rules/`, with a capturing sink. */
export function createSampleApp(ruleSets: RuleSet[] = loadAllRuleSets(RULES_DIR)) {
  const events = new CapturingEventSink();
  const cache = new RoutingTableCache({
    source: staticSource(ruleSets),
    compile: (ruleSet, version) => compileRoutingTable(ruleSet, version, lookupState),
    snapshot: () => [],
    refreshSeconds: 3600,
  });
  const handle = createRequestHandler({ cache, events, serviceHosts: ['go.form-router.example'] });
  return { handle, events, ruleSets };
}
