const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Reads a `--since` value: a duration back from `now` (`90s`, `30m`, `1h`, `7d`, `2w`) or an ISO
 * 8601 date and time (`2026-03-01T00:00:00Z`). Returns an error message when it is neither.
 */
export function parseSince(value: string, now: Date): { ok: true; since: Date } | { ok: false; error: string } {
  const duration = /^(\d+)([smhdw])$/.exec(value.trim());
  if (duration) {
    const ms = Number(duration[1]) * (UNIT_MS[duration[2] ?? ''] ?? 0);
    return { ok: true, since: new Date(now.getTime() - ms) };
  }

  const date = new Date(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(date.getTime())) {
    return date > now ? { ok: false, error: `Invalid --since "${value}": the time is in the future` } : { ok: true, since: date };
  }
  return { ok: false, error: `Invalid --since "${value}": expected a duration such as 30m, 1h, 7d or 2w, or an ISO date such as 2026-03-01T00:00:00Z` };
}
