/**
 * Resolve in process against json-rules-engine on the same rules: normalising the ZIP, finding its
 * state, resolving the language and reading the routing table, against one engine run per input.
 */
import { Engine } from 'json-rules-engine';
import { lookupDecision } from '../functions/ruleset/routingTable';
import { compileRoutingTable } from '../functions/ruleset/compileRoutingTable';
import { RULES_DIR, loadRuleSet } from '../functions/ruleset/loadRuleSet';
import { resolveLanguage } from '../functions/ruleset/resolveLanguage';
import { resolveForm } from '../functions/routing/resolveForm';
import { lookupState } from '../functions/routing/zip/lookupState';
import { normalizeZip } from '../functions/routing/zip/normalizeZip';
import { medianNanosPerAsyncCall, medianNanosPerCall, round } from './measure';
import { join } from 'node:path';

export interface ResolveFigures {
  brand: string;
  rules: number;
  /** Median µs per input: normalise, state, language, table lookup. */
  resolveMedianMicros: number;
  /** Median µs per input of `resolveForm`, which also builds and checks the final URL. */
  resolveWithUrlMedianMicros: number;
  /** Median µs of one json-rules-engine run per input, the baseline. */
  engineMedianMicros: number;
  /** Baseline divided by resolve. */
  speedup: number;
}

const ZIPS = ['02134', '30303', '33101', '10001', '77550', '00901', '96910', '09001', '96201', '34001', '80202', '98101', '2134'];

export async function benchResolve(): Promise<ResolveFigures> {
  const ruleSet = loadRuleSet(join(RULES_DIR, 'acme'));
  const table = compileRoutingTable(ruleSet, 1, lookupState);
  const products = Object.keys(ruleSet.settings.products);
  const inputs = Array.from({ length: 1024 }, (_, i) => ({
    product: products[i % products.length] ?? 'auto',
    zip: ZIPS[i % ZIPS.length] ?? '02134',
    lang: i % 3 === 0 ? 'es-US' : 'en',
  }));

  const resolveNanos = medianNanosPerCall((i) => {
    const input = inputs[i & 1023]!;
    const zip = normalizeZip(input.zip);
    if (!zip.ok) return zip;
    const located = lookupState(zip.zip);
    if (!located) return located;
    const language = resolveLanguage(ruleSet.settings, input.product, input.lang);
    if ('error' in language) return language;
    return lookupDecision(table, input.product, language.language, located.state, zip.zip);
  }, 10_000, 60);

  const context = { tableFor: () => table, serviceHosts: [] };
  const withUrlNanos = medianNanosPerCall((i) => {
    const input = inputs[i & 1023]!;
    return resolveForm({ brand: 'acme', product: input.product, zip: input.zip, lang: input.lang, acceptLanguage: undefined, forwardParameters: [] }, context);
  }, 2_000, 40);

  const engine = new Engine(structuredClone(ruleSet.rules), { allowUndefinedFacts: false });
  const engineNanos = await medianNanosPerAsyncCall(async (i) => {
    const input = inputs[i & 1023]!;
    const zip = normalizeZip(input.zip);
    const state = zip.ok ? (lookupState(zip.zip)?.state ?? 'MA') : 'MA';
    const { results } = await engine.run({ product: input.product, language: 'en', state, zip: zip.ok ? zip.zip : '02134' });
    return results.reduce((best, result) => ((result.priority ?? 1) > (best?.priority ?? 0) ? result : best), results[0]);
  }, 3_000);

  return {
    brand: 'acme',
    rules: ruleSet.rules.length,
    resolveMedianMicros: round(resolveNanos / 1000, 3),
    resolveWithUrlMedianMicros: round(withUrlNanos / 1000, 3),
    engineMedianMicros: round(engineNanos / 1000, 1),
    speedup: round(engineNanos / resolveNanos, 0),
  };
}
