import type { RuleConflict } from './compileErrors';
import type { MatchedRule } from './matchRules';

/**
 * Collects pairs of rules that have equal priority, match the same input and name different
 * forms. Each pair is recorded once, with the first input that showed it.
 */
export class RuleConflictCollector {
  readonly conflicts: RuleConflict[] = [];
  private readonly seenPairs = new Set<string>();

  /** Records the conflicts among `matches`, which must be sorted as `RuleMatcher.match` returns them. */
  inspect(matches: MatchedRule[], example: RuleConflict['example']): void {
    for (let start = 0; start < matches.length; ) {
      const end = endOfPriorityGroup(matches, start);
      this.inspectGroup(matches.slice(start, end), example);
      start = end;
    }
  }

  private inspectGroup(group: MatchedRule[], example: RuleConflict['example']): void {
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        this.record(group[i] as MatchedRule, group[j] as MatchedRule, example);
      }
    }
  }

  private record(first: MatchedRule, second: MatchedRule, example: RuleConflict['example']): void {
    const pair = `${first.position}|${second.position}`;
    if (first.formId === second.formId || this.seenPairs.has(pair)) return;

    this.seenPairs.add(pair);
    this.conflicts.push({
      priority: first.priority,
      first: { ruleId: first.ruleId, formId: first.formId },
      second: { ruleId: second.ruleId, formId: second.formId },
      example,
    });
  }
}

function endOfPriorityGroup(matches: MatchedRule[], start: number): number {
  const priority = matches[start]?.priority;
  let end = start + 1;
  while (end < matches.length && matches[end]?.priority === priority) end += 1;

  return end;
}
