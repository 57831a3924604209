import type { BrandSettings, FormDefinition } from './ruleSet';

/** The outcome for one input: which form, and which rule chose it (`null` when the fallback form applies). */
export interface RoutingDecision {
  formId: string;
  ruleId: string | null;
}

/**
 * The compiled, read-optimised form of one rule-set version. A lookup is two map reads:
 * the ZIP overrides first, then the state-level decision.
 */
export interface RoutingTable {
  brand: string;
  /** Version number in the rule store; 0 for the snapshot bundled at build time. */
  version: number;
  settings: BrandSettings;
  forms: Record<string, FormDefinition>;
  /** Key `product|language|state`. Every product × language × state of the domain has an entry. */
  byState: Map<string, RoutingDecision>;
  /** Key `product|language|zip`, only for ZIPs that a rule names and only where the decision differs. */
  byZip: Map<string, RoutingDecision>;
}

export function stateKey(product: string, language: string, state: string): string {
  return `${product}|${language}|${state}`;
}

export function zipKey(product: string, language: string, zip: string): string {
  return `${product}|${language}|${zip}`;
}

/** Looks up the decision for one input; `undefined` only for a product or language outside the table. */
export function lookupDecision(
  table: RoutingTable,
  product: string,
  language: string,
  state: string,
  zip: string,
): RoutingDecision | undefined {
  return table.byZip.get(zipKey(product, language, zip)) ?? table.byState.get(stateKey(product, language, state));
}
