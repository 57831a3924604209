import type { RedirectEvent } from '../../redirect-logging/redirectEvent';
import type { RoutingChange, RoutingTableDiff } from './diffRoutingTables';

/** The fields of a logged redirect that the estimate reads; `RedirectLogItem` has them all. */
export type LoggedRedirect = Pick<RedirectEvent, 'product' | 'language' | 'zip' | 'state' | 'form'>;

/** How many logged redirects one changed input would send elsewhere. */
export interface ImpactedChange {
  product: string;
  language: string;
  state: string;
  zip?: string;
  /** The form the new table chooses; `null` when it no longer serves the product and language. */
  to: string | null;
  redirects: number;
}

export interface ImpactEstimate {
  /** Logged redirects given. */
  total: number;
  /** Those that reached a form: product, language, ZIP, state and form all known. */
  considered: number;
  /** Considered redirects that the new table sends to another form than the one they got. */
  moved: number;
  /** Considered redirects that keep their form, but whose form's URL or type changes. */
  redirectedByFormChange: number;
  /** `moved` per changed input, most redirects first, then in the diff's order. */
  byChange: ImpactedChange[];
}

/**
 * Estimates how many of the given logged redirects would now go elsewhere. For each redirect that
 * reached a form, it finds the input among the diff's changes: the ZIP's own entry when the ZIP is
 * in `diff.namedZips`, otherwise its state's. The redirect counts as moved when the new form
 * differs from the form it got. Invalid and failed requests are not considered.
 *
 * NOTE: a redirect whose input the diff does not change counts as unchanged, even when it was
 * served by a version older than the diff's `fromVersion` with another form.
 */
export function estimateImpact(diff: RoutingTableDiff, logs: readonly LoggedRedirect[]): ImpactEstimate {
  const changes = indexChanges(diff);
  const namedZips = new Set(diff.namedZips);
  const changedForms = new Set(diff.formChanges.map((change) => change.form));
  const counts = new Map<RoutingChange, number>();
  let considered = 0;
  let redirectedByFormChange = 0;

  for (const log of logs) {
    if (log.product === null || log.language === null || log.zip === null || log.state === null || log.form === null) {
      continue;
    }
    considered += 1;

    const place = namedZips.has(log.zip) ? `zip:${log.zip}` : `state:${log.state}`;
    const change = changes.get(`${log.product}|${log.language}|${place}`);
    if (change !== undefined && change.after?.form !== log.form) {
      counts.set(change, (counts.get(change) ?? 0) + 1);
    } else if (changedForms.has(log.form)) {
      redirectedByFormChange += 1;
    }
  }

  const byChange = diff.changes
    .filter((change) => counts.has(change))
    .map((change) => toImpacted(change, counts.get(change) ?? 0))
    .sort((a, b) => b.redirects - a.redirects);
  const moved = byChange.reduce((sum, change) => sum + change.redirects, 0);
  return { total: logs.length, considered, moved, redirectedByFormChange, byChange };
}

function indexChanges(diff: RoutingTableDiff): Map<string, RoutingChange> {
  const index = new Map<string, RoutingChange>();
  for (const change of diff.changes) {
    const place = change.zip === undefined ? `state:${change.state}` : `zip:${change.zip}`;
    index.set(`${change.product}|${change.language}|${place}`, change);
  }

  return index;
}

function toImpacted(change: RoutingChange, redirects: number): ImpactedChange {
  const { product, language, state, zip } = change;

  return { product, language, state, ...(zip === undefined ? {} : { zip }), to: change.after?.form ?? null, redirects };
}
