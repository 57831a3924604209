import { US_STATES } from '../shared/usStates';
import { UnknownZipError } from './compileErrors';
import { collectLeaves } from './conditionTree';
import type { RuleFacts, RuleSet } from './ruleSet';

/** The state a ZIP code maps to; `inferred` when only its 3-digit prefix was known. */
export interface ZipState {
  state: string;
  inferred: boolean;
}

/** Maps a 5-digit ZIP code to its state, or `null` when the ZIP is unknown. */
export type LookupState = (zip: string) => ZipState | null;

/**
 * Every input that can get its own decision from a rule set. ZIP codes that no rule names all get
 * the decision of their state, so one such ZIP, `unnamedZip`, represents all of them.
 */
export interface RuleDomain {
  /** Each product × language of the brand × each code of `US_STATES`, with `zip` set to `unnamedZip`. */
  stateInputs: RuleFacts[];
  /** Each product × language × ZIP that a rule names, with the ZIP's state. */
  zipInputs: RuleFacts[];
  /** A 5-digit string that no rule names. */
  unnamedZip: string;
}

/**
 * Returns the ZIP codes that the rules compare the `zip` fact with (values of equal and notEqual,
 * items of in and notIn, anywhere in the condition tree), sorted and without duplicates.
 */
export function namedZips(ruleSet: RuleSet): string[] {
  return [...rulesByNamedZip(ruleSet).keys()].sort();
}

/**
 * Builds the domain of a rule set, in a fixed order: products and languages in settings order,
 * states in `US_STATES` order, named ZIPs sorted. Throws `UnknownZipError`, listing every named
 * ZIP that `lookupState` cannot map and the rules that name it.
 */
export function buildDomain(ruleSet: RuleSet, lookupState: LookupState): RuleDomain {
  const zipStates = resolveNamedZips(ruleSet, lookupState);
  const unnamedZip = pickUnnamedZip(zipStates);
  const stateInputs: RuleFacts[] = [];
  const zipInputs: RuleFacts[] = [];

  for (const [product, language] of productLanguages(ruleSet)) {
    for (const state of US_STATES) stateInputs.push({ product, language, state, zip: unnamedZip });
    for (const [zip, state] of zipStates) zipInputs.push({ product, language, state, zip });
  }

  return { stateInputs, zipInputs, unnamedZip };
}

/** Returns the domain as one list, state inputs first. Throws like `buildDomain`. */
export function enumerateDomain(ruleSet: RuleSet, lookupState: LookupState): RuleFacts[] {
  const { stateInputs, zipInputs } = buildDomain(ruleSet, lookupState);

  return [...stateInputs, ...zipInputs];
}

/** Lists each product of the brand paired with each of its languages, in settings order. */
export function productLanguages(ruleSet: RuleSet): [product: string, language: string][] {
  return Object.entries(ruleSet.settings.products).flatMap(([product, { languages }]) =>
    languages.map((language): [string, string] => [product, language]),
  );
}

function resolveNamedZips(ruleSet: RuleSet, lookupState: LookupState): Map<string, string> {
  const rulesByZip = rulesByNamedZip(ruleSet);
  const zipStates = new Map<string, string>();
  const unknown = new Map<string, string[]>();

  for (const zip of [...rulesByZip.keys()].sort()) {
    const found = lookupState(zip);
    if (found === null) unknown.set(zip, rulesByZip.get(zip) ?? []);
    else zipStates.set(zip, found.state);
  }
  if (unknown.size > 0) throw new UnknownZipError(ruleSet.settings.brand, unknown);

  return zipStates;
}

function rulesByNamedZip(ruleSet: RuleSet): Map<string, string[]> {
  const rulesByZip = new Map<string, string[]>();

  for (const rule of ruleSet.rules) {
    for (const zip of zipsOfConditions(rule.conditions)) {
      const ruleIds = rulesByZip.get(zip) ?? [];
      if (!ruleIds.includes(rule.name)) ruleIds.push(rule.name);
      rulesByZip.set(zip, ruleIds);
    }
  }

  return rulesByZip;
}

function zipsOfConditions(conditions: unknown): string[] {
  return collectLeaves(conditions)
    .filter((leaf) => leaf.fact === 'zip')
    .flatMap((leaf) => (Array.isArray(leaf.value) ? leaf.value : [leaf.value]))
    .filter((value): value is string => typeof value === 'string');
}

/** Picks the first of 00000, 00001, ... that no rule names. 000 is not a ZIP prefix in use, so this is normally 00000. */
function pickUnnamedZip(named: ReadonlyMap<string, string>): string {
  let candidate = 0;
  while (named.has(String(candidate).padStart(5, '0'))) candidate += 1;

  return String(candidate).padStart(5, '0');
}
