import type { RuleStore } from '../rule-store/ruleStore';
import { compileRoutingTable } from '../ruleset/compileRoutingTable';
import type { RoutingTable } from '../ruleset/routingTable';
import type { RuleSet } from '../ruleset/ruleSet';
import { lookupState } from '../routing/zip/lookupState';

/** Dependencies of the publish workflow's steps, wired once per process. */
export interface PublishDependencies {
  store: RuleStore;
  /** Compiles a rule set into the routing table the hot path would serve for `version`. */
  compile: (ruleSet: RuleSet, version: number) => RoutingTable;
  /** Hosts of Form Router itself, which no form URL may point to. */
  serviceHosts: string[];
  now: () => Date;
}

/** Dependencies on the given store, with the real compiler, ZIP table and clock. */
export function createPublishDependencies(store: RuleStore, serviceHosts: string[] = []): PublishDependencies {
  return {
    store,
    compile: (ruleSet, version) => compileRoutingTable(ruleSet, version, lookupState),
    serviceHosts,
    now: () => new Date(),
  };
}
