import { RuleSetError } from './errors';
import type { RuleFacts } from './ruleSet';

/** Number of conflicts spelled out in a `RuleConflictError` message; the error's `conflicts` lists all. */
const CONFLICTS_SHOWN = 3;

/** Two rules of equal priority that both match `example` and name different forms. */
export interface RuleConflict {
  priority: number;
  /** The rule that comes first in file order. */
  first: { ruleId: string; formId: string };
  second: { ruleId: string; formId: string };
  /** The first domain input, in domain order, that both rules match. `zip` is absent unless a rule names it. */
  example: Omit<RuleFacts, 'zip'> & { zip?: string };
}

/** Thrown when a condition falls outside what rules may use: the four facts, the four operators and literal string values. */
export class UnsupportedConditionError extends RuleSetError {
  override readonly code = 'unsupported_condition';

  constructor(
    brand: string,
    readonly ruleId: string,
    readonly conditionPath: string,
    problem: string,
  ) {
    super(`Rule "${ruleId}" of brand "${brand}" has an unsupported condition at ${conditionPath}: ${problem}.`, brand);
    this.name = 'UnsupportedConditionError';
  }
}

/** Thrown when a rule, or the brand's `fallbackForm` (`ruleId` null), names a form that `forms` does not define. */
export class UnknownFormError extends RuleSetError {
  override readonly code = 'unknown_form';

  constructor(
    brand: string,
    readonly ruleId: string | null,
    readonly formId: unknown,
    knownForms: string[],
  ) {
    const owner = ruleId === null ? 'The fallbackForm setting' : `Rule "${ruleId}"`;
    const known = knownForms.length > 0 ? knownForms.map((form) => `"${form}"`).join(', ') : 'none';
    super(`${owner} of brand "${brand}" names form ${JSON.stringify(formId)}, which forms does not define. Defined forms: ${known}.`, brand);
    this.name = 'UnknownFormError';
  }
}

/** Thrown when a rule's priority is not a positive integer (json-rules-engine would truncate or reject it). */
export class InvalidRulePriorityError extends RuleSetError {
  override readonly code = 'invalid_rule_priority';

  constructor(
    brand: string,
    readonly ruleId: string,
    readonly priority: unknown,
  ) {
    super(`Rule "${ruleId}" of brand "${brand}" has priority ${JSON.stringify(priority)}; expected a positive integer such as 1 or 10.`, brand);
    this.name = 'InvalidRulePriorityError';
  }
}

/** Thrown when a rule has no name or shares its name with another rule, so `ruleId` would be ambiguous. */
export class InvalidRuleNameError extends RuleSetError {
  override readonly code = 'invalid_rule_name';

  constructor(
    brand: string,
    readonly ruleName: unknown,
    readonly positions: number[],
  ) {
    const where = `${positions.length === 1 ? 'rule' : 'rules'} ${positions.map((position) => `#${position + 1}`).join(' and ')}`;
    const problem = typeof ruleName === 'string' && ruleName !== '' ? 'is used by more than one rule' : 'is not a non-empty string';
    super(`Rule name ${JSON.stringify(ruleName)} of brand "${brand}" ${problem} (${where}); every rule needs a unique, non-empty name.`, brand);
    this.name = 'InvalidRuleNameError';
  }
}

/** Thrown when rules name ZIP codes that the ZIP table cannot map to a state; `zips` maps each such ZIP to the rules naming it. */
export class UnknownZipError extends RuleSetError {
  override readonly code = 'unknown_zip';

  constructor(
    brand: string,
    readonly zips: ReadonlyMap<string, string[]>,
  ) {
    const listed = [...zips].map(([zip, ruleIds]) => `ZIP "${zip}" (${ruleIds.length === 1 ? 'rule' : 'rules'} ${ruleIds.map((id) => `"${id}"`).join(', ')})`);
    super(`Brand "${brand}" names ZIP codes with no known state: ${listed.join('; ')}. Name only existing 5-digit ZIP codes.`, brand);
    this.name = 'UnknownZipError';
  }
}

/** Thrown when rules of equal priority match the same input with different forms; `conflicts` lists every such pair. */
export class RuleConflictError extends RuleSetError {
  override readonly code = 'rule_conflict';

  constructor(
    brand: string,
    readonly conflicts: RuleConflict[],
  ) {
    super(describeConflicts(brand, conflicts), brand);
    this.name = 'RuleConflictError';
  }
}

function describeConflicts(brand: string, conflicts: RuleConflict[]): string {
  const described = conflicts.slice(0, CONFLICTS_SHOWN).map(describeConflict);
  const hidden = conflicts.length - described.length;
  const more = hidden > 0 ? ` (and ${hidden} more)` : '';

  return (
    `Brand "${brand}" has ${conflicts.length} rule conflict(s)${more}: ${described.join('; ')}. ` +
    'Give one rule of each pair a higher priority, or make their conditions exclusive.'
  );
}

function describeConflict(conflict: RuleConflict): string {
  const { first, second, priority, example } = conflict;
  const input = Object.entries(example)
    .map(([fact, value]) => `${fact}=${value}`)
    .join(', ');

  return (
    `rules "${first.ruleId}" (form "${first.formId}") and "${second.ruleId}" (form "${second.formId}") ` +
    `both have priority ${priority} and both match ${input}`
  );
}
