import type { RoutingTable } from '../ruleset/routingTable';
import type { RuleSet } from '../ruleset/ruleSet';
import { lookupState } from '../routing/zip/lookupState';
import type { DiffSummary } from './publishRun';
import { diffRoutingTables } from './validation/diffRoutingTables';
import { runExpectations } from './validation/runExpectations';
import type { ExpectationFailure } from './validation/runExpectations';
import { validateRuleSet } from './validation/validateRuleSet';
import type { RuleProblem } from './validation/ruleProblem';

/** The validation findings of a rule set as sentences for the history and the command line. */
export interface ValidationFindings {
  errors: string[];
  warnings: string[];
}

/** Validates a rule set with the hot path's ZIP table and returns each finding as one line. */
export function findValidationProblems(ruleSet: RuleSet, options: { serviceHosts: readonly string[] }): ValidationFindings {
  const report = validateRuleSet(ruleSet, { lookupState, serviceHosts: options.serviceHosts });

  return { errors: report.errors.map(describeProblem), warnings: report.warnings.map(describeProblem) };
}

/**
 * Runs the rule set's expectations against its table. Each failure is one line naming the case,
 * its input, the expected and the actual form, and the rule that decided.
 */
export function findFailedExpectations(ruleSet: RuleSet, table: RoutingTable): { failures: string[]; total: number } {
  const results = runExpectations(ruleSet, table, lookupState);

  return { failures: results.failed.map(describeFailure), total: results.total };
}

function describeProblem(problem: RuleProblem): string {
  return `[${problem.code}] ${problem.message}`;
}

function describeFailure(failure: ExpectationFailure): string {
  const { product, zip, lang } = failure.input;
  const input = `product=${product} zip=${zip}${lang === undefined ? '' : ` lang=${lang}`}`;
  const decidedBy = failure.actualRule === null ? 'no rule matched, so the fallback form applies' : `decided by rule "${failure.actualRule}"`;

  return (
    `"${failure.case}" (${input}): expected form "${failure.expectedForm}", got ${JSON.stringify(failure.actualForm)}, ` +
    `${decidedBy}; ${failure.mismatches.join('; ')}`
  );
}

/** Summarises what changes between the active table (`null`: none) and the draft's. */
export function summariseDiff(previous: RoutingTable | null, next: RoutingTable): DiffSummary {
  return diffRoutingTables(previous, next, lookupState).summary;
}
