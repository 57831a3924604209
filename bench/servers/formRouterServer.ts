/**
 * The local Form Router server for the HTTP benchmark, over the sample rule sets. Redirect events
 * go nowhere, so the figure shows the routing path; the log pipeline has its own benchmark.
 */
import { startHttpServer } from '../../functions/local/httpServer';
import type { RedirectEventSink } from '../../functions/redirect-logging/redirectEvent';
import { createRequestHandler } from '../../functions/routing/http/app';
import { RoutingTableCache } from '../../functions/routing/routingTableCache';
import { lookupState } from '../../functions/routing/zip/lookupState';
import { compileRoutingTable } from '../../functions/ruleset/compileRoutingTable';
import { bundledRuleSets } from '../../functions/routing/bundledRuleSets';
import { reportCpuUsage } from '../cpuProbe';

const ruleSets = bundledRuleSets();
const discard: RedirectEventSink = { send: async () => undefined, flush: async () => undefined };
const cache = new RoutingTableCache({
  source: {
    listActive: async () => ruleSets.map((r) => ({ brand: r.settings.brand, version: 1, activatedAt: '', activatedBy: 'bench', previousVersion: null })),
    getVersion: async (brand, version) => {
      const ruleSet = ruleSets.find((candidate) => candidate.settings.brand === brand)!;
      return { brand, version, contentHash: '', createdAt: '', createdBy: 'bench', sizeBytes: 0, ruleSet };
    },
  },
  compile: (ruleSet, version) => compileRoutingTable(ruleSet, version, lookupState),
  snapshot: () => [],
  refreshSeconds: 10,
});

startHttpServer(createRequestHandler({ cache, events: discard, serviceHosts: [] }), 0).then((local) => {
  reportCpuUsage(local.server);
  console.log(local.url);
});
