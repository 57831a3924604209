import type { RedirectEventSink } from '../redirect-logging/redirectEvent';
import { compileRoutingTable } from '../ruleset/compileRoutingTable';
import type { FormRouterConfig } from '../shared/config';
import { bundledRuleSets } from './bundledRuleSets';
import type { RouteDependencies } from './http/routes';
import { RoutingTableCache } from './routingTableCache';
import type { ActiveVersionSource } from './routingTableCache';
import { lookupState } from './zip/lookupState';

/** Wires the hot path: the routing-table cache over the rule store, and the redirect-event sink. */
export function createRoutingDependencies(
  config: FormRouterConfig,
  source: ActiveVersionSource,
  events: RedirectEventSink,
): RouteDependencies {
  const cache = new RoutingTableCache({
    source,
    compile: (ruleSet, version) => compileRoutingTable(ruleSet, version, lookupState),
    snapshot: bundledRuleSets,
    refreshSeconds: config.refreshSeconds,
  });
  return { cache, events, serviceHosts: config.serviceHosts };
}
