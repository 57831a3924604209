import { RuleSetError } from '../../ruleset/errors';
import type { RuleSet } from '../../ruleset/ruleSet';
import { checkAllowedHosts } from './checks/allowedHosts';
import { checkCoverageGaps } from './checks/coverageGaps';
import { checkDefaultLanguage } from './checks/defaultLanguage';
import { checkDestinationUrls } from './checks/destinationUrls';
import { checkFormReferences } from './checks/formReferences';
import { checkNegativeConditions } from './checks/negativeConditions';
import { checkOfferedValues } from './checks/offeredValues';
import { checkOperandTypes } from './checks/operandTypes';
import { checkPriorityConflicts } from './checks/priorityConflicts';
import { checkRuleNames } from './checks/ruleNames';
import { checkSchema } from './checks/schema';
import { checkShadowedRules } from './checks/shadowedRules';
import { checkSize } from './checks/size';
import { checkUnknownFacts } from './checks/unknownFacts';
import { evaluateDomain } from './evaluateDomain';
import type { DomainEvaluation } from './evaluateDomain';
import type { CheckContext, RuleCheck, RuleProblem, ValidationOptions, ValidationReport } from './ruleProblem';

/** Checks that read the rule set's content one rule, form or setting at a time. */
const CONTENT_CHECKS: readonly RuleCheck[] = [
  checkSchema,
  checkRuleNames,
  checkUnknownFacts,
  checkOperandTypes,
  checkOfferedValues,
  checkNegativeConditions,
  checkFormReferences,
  checkDestinationUrls,
  checkAllowedHosts,
  checkDefaultLanguage,
  checkSize,
];

/** Checks that run the rules over the whole domain; they need rules that evaluate. */
const DOMAIN_CHECKS: readonly RuleCheck[] = [checkPriorityConflicts, checkShadowedRules, checkCoverageGaps];

/** Brand named in problems when the settings do not name one. */
const UNNAMED_BRAND = '(unnamed brand)';

/**
 * Validates a rule set before it is published: schema, facts, operators and values of every
 * condition, forms and destinations, size, and, over the whole domain, equal-priority conflicts,
 * rules that never win and inputs that no rule routes. A rule set with any error must not be
 * published; warnings do not block.
 *
 * Pure and synchronous. Bad content never makes it throw: a check that fails on content it did
 * not expect is reported as a `check_failed` error. When the rules cannot be evaluated, the domain
 * checks are skipped and a `domain_checks_skipped` problem gives the reason.
 */
export function validateRuleSet(ruleSet: RuleSet, options: ValidationOptions): ValidationReport {
  const brand = brandOf(ruleSet);
  const evaluation = lazyEvaluation(ruleSet, options);
  const context: CheckContext = { ...options, ruleSet, brand, evaluation: evaluation.get };

  const problems = CONTENT_CHECKS.flatMap((check) => runCheck(check, context));
  const failure = evaluation.failure();
  if (failure === undefined) {
    problems.push(...DOMAIN_CHECKS.flatMap((check) => runCheck(check, context)));
  } else {
    problems.push(domainSkipped(brand, failure, problems.some((problem) => problem.severity === 'error')));
  }

  return {
    errors: problems.filter((problem) => problem.severity === 'error'),
    warnings: problems.filter((problem) => problem.severity === 'warning'),
  };
}

interface LazyEvaluation {
  get(): DomainEvaluation | null;
  /** The error that stopped the evaluation, or `undefined` when it succeeded. Evaluates on first call. */
  failure(): unknown;
}

/** Evaluates the domain on first use, once, and keeps the error when the rules cannot be evaluated. */
function lazyEvaluation(ruleSet: RuleSet, options: ValidationOptions): LazyEvaluation {
  let result: { evaluation: DomainEvaluation | null; error?: unknown } | undefined;
  const run = () => {
    if (result !== undefined) return result;
    try {
      result = { evaluation: evaluateDomain(ruleSet, options.lookupState) };
    } catch (error) {
      result = { evaluation: null, error };
    }
    return result;
  };

  return { get: () => run().evaluation, failure: () => run().error };
}

function runCheck(check: RuleCheck, context: CheckContext): RuleProblem[] {
  try {
    return check(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `Brand "${context.brand}": the ${check.name} check failed on content it did not expect (${reason}). Fix the other errors and validate again.`;
    return [{ code: 'check_failed', severity: 'error', brand: context.brand, message }];
  }
}

/**
 * Explains why conflicts, shadowed rules and coverage were not checked. With other errors it is a
 * warning, because those errors explain the cause. Without them the cause is reported as an error,
 * since the compiler would reject the rule set for it.
 */
function domainSkipped(brand: string, failure: unknown, hasErrors: boolean): RuleProblem {
  const reason = failure instanceof Error ? failure.message : String(failure);
  const message = hasErrors
    ? `Brand "${brand}": conflicts, shadowed rules and coverage were not checked, because the rules cannot be evaluated until the errors above are fixed.`
    : `Brand "${brand}": the rules cannot be evaluated, so conflicts, shadowed rules and coverage were not checked: ${reason}`;
  const rule = failure instanceof RuleSetError && 'ruleId' in failure && typeof failure.ruleId === 'string' ? failure.ruleId : undefined;

  return { code: 'domain_checks_skipped', severity: hasErrors ? 'warning' : 'error', brand, ...(rule === undefined ? {} : { rule }), message };
}

function brandOf(ruleSet: RuleSet): string {
  const brand: unknown = (ruleSet as { settings?: { brand?: unknown } }).settings?.brand;

  return typeof brand === 'string' && brand !== '' ? brand : UNNAMED_BRAND;
}
