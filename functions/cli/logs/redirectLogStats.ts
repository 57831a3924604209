import type { RedirectLogItem } from '../../redirect-logging/redirectLogStore';

/** The fields `logs stats` counts by, with the value each log has for them. */
const DIMENSIONS = {
  outcome: (log: RedirectLogItem) => log.outcome,
  rule: (log: RedirectLogItem) => log.ruleId,
  form: (log: RedirectLogItem) => log.form,
  state: (log: RedirectLogItem) => log.state,
  version: (log: RedirectLogItem) => log.rulesetVersion,
} as const;

export type StatsDimension = keyof typeof DIMENSIONS;

/** How many logs have one value of a field; `null` counts the logs without one. */
export interface ValueCount {
  value: string | number | null;
  count: number;
}

export interface RedirectLogStats {
  total: number;
  /** Per field, each value with its count, most frequent first, ties by value. */
  counts: Record<StatsDimension, ValueCount[]>;
}

/** Counts the logs by outcome, rule, form, state and version. */
export function summariseLogs(logs: readonly RedirectLogItem[]): RedirectLogStats {
  const counts = Object.fromEntries(
    Object.entries(DIMENSIONS).map(([dimension, valueOf]) => [dimension, countValues(logs, valueOf)]),
  ) as Record<StatsDimension, ValueCount[]>;

  return { total: logs.length, counts };
}

function countValues(logs: readonly RedirectLogItem[], valueOf: (log: RedirectLogItem) => string | number | null): ValueCount[] {
  const counts = new Map<string | number | null, number>();
  for (const log of logs) {
    const value = valueOf(log);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }

  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}
