import { toCanonicalJson } from '../../rule-store/canonicalJson';
import { lookupDecision, stateKey } from '../../ruleset/routingTable';
import type { RoutingDecision, RoutingTable } from '../../ruleset/routingTable';
import type { LookupState } from '../../ruleset/ruleDomain';
import type { FormDefinition } from '../../ruleset/ruleSet';
import { US_STATES } from '../../shared/usStates';

/** Destination of one input in one table. */
export interface RoutingOutcome {
  form: string;
  /** `null` when no rule matched and the fallback form applies. */
  rule: string | null;
}

/** One input whose outcome differs between the two tables. */
export interface RoutingChange {
  product: string;
  language: string;
  state: string;
  /** A ZIP that a rule names; absent where the entry stands for every ZIP of the state that no rule names. */
  zip?: string;
  /** `null` when the old table does not serve this product and language. */
  before: RoutingOutcome | null;
  /** `null` when the new table no longer serves this product and language. */
  after: RoutingOutcome | null;
}

/** A form whose definition was added, removed or changed, which moves visitors even where the table entry stays. */
export interface FormChange {
  form: string;
  before: Pick<FormDefinition, 'url' | 'type'> | null;
  after: Pick<FormDefinition, 'url' | 'type'> | null;
}

export interface ProductLanguage {
  product: string;
  language: string;
}

export interface RoutingDiffSummary {
  /** Inputs that go to another form, or that one table serves and the other does not. */
  changedInputs: number;
  /** Inputs that keep their form but are decided by another rule. */
  ruleOnlyChanges: number;
  /** `changedInputs` per product. */
  changedByProduct: Record<string, number>;
  addedProducts: string[];
  removedProducts: string[];
  addedLanguages: ProductLanguage[];
  removedLanguages: ProductLanguage[];
  addedForms: string[];
  removedForms: string[];
  /** Forms whose URL or type changed. */
  changedForms: string[];
  /** Keys of brand.json whose value changed. */
  changedSettings: string[];
}

/** The changes that publishing a new table would make, JSON-serialisable. */
export interface RoutingTableDiff {
  brand: string;
  /** Version of the old table; `null` when the brand had no active version. */
  fromVersion: number | null;
  toVersion: number;
  /** Only the inputs whose form or rule changes: product and language in settings order, states in `US_STATES` order, then named ZIPs. */
  changes: RoutingChange[];
  formChanges: FormChange[];
  /** Every ZIP that has its own entry in either table, sorted; other ZIPs follow their state's entry. */
  namedZips: string[];
  summary: RoutingDiffSummary;
}

/**
 * Compares where every input goes in two routing tables: each product × language × state, and
 * each ZIP that either table routes on its own (looked up with the ZIP's state from
 * `lookupState`). Returns only the inputs whose form or rule changes, the forms whose definition
 * changes, and a summary. With `before` null, every input is new.
 */
export function diffRoutingTables(before: RoutingTable | null, after: RoutingTable, lookupState: LookupState): RoutingTableDiff {
  const pairs = unionPairs(before, after);
  const namedZips = [...new Set([...zipsOf(before), ...zipsOf(after)])].sort();
  const changes: RoutingChange[] = [];

  for (const { product, language } of pairs) {
    for (const state of US_STATES) {
      pushIfChanged(changes, { product, language, state }, stateOutcome(before, product, language, state), stateOutcome(after, product, language, state));
    }
  }
  for (const { product, language } of pairs) {
    for (const zip of namedZips) {
      const state = lookupState(zip)?.state;
      if (state === undefined) continue;
      pushIfChanged(changes, { product, language, state, zip }, zipOutcome(before, product, language, state, zip), zipOutcome(after, product, language, state, zip));
    }
  }

  const formChanges = diffForms(before?.forms ?? {}, after.forms);
  const summary = summarise(before, after, changes, formChanges);
  return { brand: after.brand, fromVersion: before?.version ?? null, toVersion: after.version, changes, formChanges, namedZips, summary };
}

function pushIfChanged(changes: RoutingChange[], input: Omit<RoutingChange, 'before' | 'after'>, before: RoutingOutcome | null, after: RoutingOutcome | null): void {
  if (before?.form !== after?.form || before?.rule !== after?.rule) {
    changes.push({ ...input, before, after });
  }
}

/** Product and language pairs of the new table in settings order, then those only the old table has. */
function unionPairs(before: RoutingTable | null, after: RoutingTable): ProductLanguage[] {
  const pairs = [...pairsOf(after), ...pairsOf(before)];
  const seen = new Set<string>();

  return pairs.filter(({ product, language }) => {
    const key = `${product}|${language}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function pairsOf(table: RoutingTable | null): ProductLanguage[] {
  if (table === null) return [];

  return Object.entries(table.settings.products).flatMap(([product, { languages }]) => languages.map((language) => ({ product, language })));
}

function zipsOf(table: RoutingTable | null): string[] {
  return table === null ? [] : [...table.byZip.keys()].map((key) => key.split('|')[2] ?? '');
}

function serves(table: RoutingTable, product: string, language: string): boolean {
  return Object.hasOwn(table.settings.products, product) && (table.settings.products[product]?.languages.includes(language) ?? false);
}

function stateOutcome(table: RoutingTable | null, product: string, language: string, state: string): RoutingOutcome | null {
  if (table === null || !serves(table, product, language)) return null;

  return outcomeOf(table, table.byState.get(stateKey(product, language, state)));
}

function zipOutcome(table: RoutingTable | null, product: string, language: string, state: string, zip: string): RoutingOutcome | null {
  if (table === null || !serves(table, product, language)) return null;

  return outcomeOf(table, lookupDecision(table, product, language, state, zip));
}

/** Converts a table entry to an outcome; an input without an entry gets the fallback form, as on the hot path. */
function outcomeOf(table: RoutingTable, decision: RoutingDecision | undefined): RoutingOutcome {
  return decision === undefined ? { form: table.settings.fallbackForm, rule: null } : { form: decision.formId, rule: decision.ruleId };
}

function diffForms(before: Record<string, FormDefinition>, after: Record<string, FormDefinition>): FormChange[] {
  const ids = [...new Set([...Object.keys(after), ...Object.keys(before)])];

  return ids.flatMap((form) => {
    const old = Object.hasOwn(before, form) ? pick(before[form]) : null;
    const current = Object.hasOwn(after, form) ? pick(after[form]) : null;

    return old?.url === current?.url && old?.type === current?.type ? [] : [{ form, before: old, after: current }];
  });
}

function pick(form: FormDefinition | undefined): Pick<FormDefinition, 'url' | 'type'> | null {
  return form === undefined ? null : { url: form.url, type: form.type };
}

function summarise(before: RoutingTable | null, after: RoutingTable, changes: RoutingChange[], formChanges: FormChange[]): RoutingDiffSummary {
  const formMoves = changes.filter((change) => change.before?.form !== change.after?.form);
  const changedByProduct: Record<string, number> = {};
  for (const change of formMoves) changedByProduct[change.product] = (changedByProduct[change.product] ?? 0) + 1;

  const oldProducts = Object.keys(before?.settings.products ?? {});
  const newProducts = Object.keys(after.settings.products);
  const oldPairs = pairsOf(before);
  const newPairs = pairsOf(after);
  const has = (list: ProductLanguage[], pair: ProductLanguage) => list.some((item) => item.product === pair.product && item.language === pair.language);

  return {
    changedInputs: formMoves.length,
    ruleOnlyChanges: changes.length - formMoves.length,
    changedByProduct,
    addedProducts: newProducts.filter((product) => !oldProducts.includes(product)),
    removedProducts: oldProducts.filter((product) => !newProducts.includes(product)),
    addedLanguages: newPairs.filter((pair) => !has(oldPairs, pair)),
    removedLanguages: oldPairs.filter((pair) => !has(newPairs, pair)),
    addedForms: formChanges.filter((change) => change.before === null).map((change) => change.form),
    removedForms: formChanges.filter((change) => change.after === null).map((change) => change.form),
    changedForms: formChanges.filter((change) => change.before !== null && change.after !== null).map((change) => change.form),
    changedSettings: changedSettingKeys(before, after),
  };
}

function changedSettingKeys(before: RoutingTable | null, after: RoutingTable): string[] {
  const old: Record<string, unknown> = { ...(before?.settings ?? {}) };
  const current: Record<string, unknown> = { ...after.settings };
  const keys = [...new Set([...Object.keys(current), ...Object.keys(old)])];

  return keys.filter((key) => toCanonicalJson(old[key]) !== toCanonicalJson(current[key]));
}
