import { isUsState } from '../../functions/shared/usStates';
import type { UsState } from '../../functions/shared/usStates';
import type { MailingStateException } from './mailingStateExceptions';
import { militaryStateOfZip } from './militaryPrefixes';
import type { ZipDataset, ZipSourceRecord } from './readZipSources';

/** Summary of a merge, printed by the generator. */
export interface MergeReport {
  /** Per dataset label, rows without a usable state, counted by the state code they carry (`''` for none). */
  droppedRows: Record<string, Record<string, number>>;
  /** ZIPs that only the secondary dataset lists, sorted. */
  addedBySecondary: string[];
  /** ZIPs for which the secondary dataset lists another state than the one kept. */
  ignoredConflicts: Array<{ zip: string; kept: UsState; ignored: UsState }>;
  /** Rows in a military prefix whose dataset state was replaced by the military code. */
  militaryOverrides: Array<{ zip: string; datasetState: string; state: UsState }>;
  /** Exceptions applied, with the state the datasets gave (`undefined` when neither lists the ZIP). */
  exceptions: Array<{ zip: string; state: UsState; datasetState: UsState | undefined }>;
}

/** The ZIP-to-state map after the merge policy, plus its report. */
export interface MergedZips {
  states: Map<string, UsState>;
  report: MergeReport;
}

/**
 * Merges two datasets into one state per ZIP. The primary dataset wins, and the secondary one only
 * adds ZIPs the primary lacks. A ZIP in a military prefix takes the military code whatever state a
 * dataset lists. Rows whose state is not a `UsState` are dropped. The exceptions are applied last and
 * override everything. Within one dataset the first usable row for a ZIP wins, so the result depends
 * only on the inputs.
 */
export function mergeZipSources(
  primary: ZipDataset,
  secondary: ZipDataset,
  exceptions: readonly MailingStateException[],
): MergedZips {
  const states = new Map<string, UsState>();
  const report: MergeReport = { droppedRows: {}, addedBySecondary: [], ignoredConflicts: [], militaryOverrides: [], exceptions: [] };

  for (const record of primary.records) {
    addRecord(states, record, primary.label, report, 'primary');
  }
  for (const record of secondary.records) {
    addRecord(states, record, secondary.label, report, 'secondary');
  }
  report.addedBySecondary.sort();

  for (const exception of exceptions) {
    report.exceptions.push({ zip: exception.zip, state: exception.state, datasetState: states.get(exception.zip) });
    states.set(exception.zip, exception.state);
  }

  return { states, report };
}

function addRecord(
  states: Map<string, UsState>,
  record: ZipSourceRecord,
  label: string,
  report: MergeReport,
  role: 'primary' | 'secondary',
): void {
  const state = usableState(record, report);
  if (state === undefined) {
    countDropped(report, label, record.state);
    return;
  }

  const keptState = states.get(record.zip);
  if (keptState === undefined) {
    states.set(record.zip, state);
    if (role === 'secondary') report.addedBySecondary.push(record.zip);
  } else if (keptState !== state && role === 'secondary') {
    report.ignoredConflicts.push({ zip: record.zip, kept: keptState, ignored: state });
  }
}

function usableState(record: ZipSourceRecord, report: MergeReport): UsState | undefined {
  const military = militaryStateOfZip(record.zip);
  if (military === undefined) {
    return isUsState(record.state) ? record.state : undefined;
  }

  if (record.state !== '' && record.state !== military) {
    report.militaryOverrides.push({ zip: record.zip, datasetState: record.state, state: military });
  }

  return military;
}

function countDropped(report: MergeReport, label: string, state: string): void {
  const counts = (report.droppedRows[label] ??= {});
  counts[state] = (counts[state] ?? 0) + 1;
}
