import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildZipModule, ZIP_MODULE_PATH } from '../../../scripts/zip-table/buildZipModule';
import { inferPrefixStates } from '../../../scripts/zip-table/inferPrefixStates';
import { MAILING_STATE_EXCEPTIONS } from '../../../scripts/zip-table/mailingStateExceptions';
import { mergeZipSources } from '../../../scripts/zip-table/mergeZipSources';
import { readGeoNamesDataset, readZipcodesDataset } from '../../../scripts/zip-table/readZipSources';
import type { ZipDataset } from '../../../scripts/zip-table/readZipSources';
import type { UsState } from '../../../functions/shared/usStates';

const dataset = (label: string, rows: Array<[string, string]>): ZipDataset => ({
  label,
  records: rows.map(([zip, state]) => ({ zip, state })),
});

/** Builds `count` consecutive ZIPs in `state`, starting at `first`. */
function zipsIn(first: number, count: number, state: UsState): Array<[string, UsState]> {
  return Array.from({ length: count }, (_, offset) => [String(first + offset).padStart(5, '0'), state]);
}

describe('buildZipModule', () => {
  it('matches the committed generated module', () => {
    const build = buildZipModule(readZipcodesDataset(), readGeoNamesDataset(), MAILING_STATE_EXCEPTIONS);
    const committed = readFileSync(path.join(__dirname, '..', '..', '..', ZIP_MODULE_PATH), 'utf8');

    expect(build.text).toBe(committed);
  });

  it('builds the same text twice', () => {
    const primary = dataset('a@1.0.0', [['02134', 'MA'], ['90210', 'CA']]);
    const secondary = dataset('b@2.0.0', [['72713', 'AR']]);

    expect(buildZipModule(primary, secondary, []).text).toBe(buildZipModule(primary, secondary, []).text);
  });

  it('names both datasets in the version', () => {
    const build = buildZipModule(dataset('a@1.0.0', [['02134', 'MA']]), dataset('b@2.0.0', []), []);

    expect(build.version).toMatch(/^a@1\.0\.0 b@2\.0\.0 sha256:[0-9a-f]{12}$/);
    expect(build.text).toContain(`export const ZIP_DATA_VERSION = '${build.version}';`);
  });
});

describe('mergeZipSources', () => {
  it('keeps the primary state over the secondary', () => {
    const merged = mergeZipSources(dataset('a', [['02134', 'MA']]), dataset('b', [['02134', 'NH']]), []);

    expect(merged.states.get('02134')).toBe('MA');
    expect(merged.report.ignoredConflicts).toEqual([{ zip: '02134', kept: 'MA', ignored: 'NH' }]);
  });

  it('adds ZIPs only the secondary lists', () => {
    const merged = mergeZipSources(dataset('a', [['02134', 'MA']]), dataset('b', [['72713', 'AR']]), []);

    expect(merged.states.get('72713')).toBe('AR');
    expect(merged.report.addedBySecondary).toEqual(['72713']);
  });

  it.each([
    ['34001', 'FL', 'AA'],
    ['09001', '', 'AE'],
    ['09801', 'NY', 'AE'],
    ['96201', '', 'AP'],
    ['96601', 'CA', 'AP'],
  ])('assigns military prefix ZIP %s (listed as %j) to %s', (zip, listed, military) => {
    const merged = mergeZipSources(dataset('a', [[zip, listed]]), dataset('b', []), []);

    expect(merged.states.get(zip)).toBe(military);
  });

  it('leaves prefix 099 outside the military rule', () => {
    const merged = mergeZipSources(dataset('a', [['09901', '']]), dataset('b', []), []);

    expect(merged.states.has('09901')).toBe(false);
  });

  it('drops states outside US_STATES', () => {
    const merged = mergeZipSources(dataset('a', [['12345', 'ON'], ['96860', '']]), dataset('b', []), []);

    expect(merged.states.size).toBe(0);
    expect(merged.report.droppedRows).toEqual({ a: { ON: 1, '': 1 } });
  });

  it('applies exceptions over both datasets', () => {
    const merged = mergeZipSources(dataset('a', [['42223', 'TN']]), dataset('b', [['42223', 'TN']]), [
      { zip: '42223', state: 'KY', reason: 'mailing state' },
    ]);

    expect(merged.states.get('42223')).toBe('KY');
    expect(merged.report.exceptions).toEqual([{ zip: '42223', state: 'KY', datasetState: 'TN' }]);
  });
});

describe('inferPrefixStates', () => {
  it('tolerates two foreign ZIPs in a large prefix', () => {
    const states = new Map([...zipsIn(6300, 40, 'CT'), ['06390', 'NY'], ['06391', 'RI']] as Array<[string, UsState]>);

    expect(inferPrefixStates(states).prefixStates[63]).toBe('CT');
  });

  it.each([
    ['three foreign ZIPs', [...zipsIn(6300, 40, 'CT'), ...zipsIn(6390, 3, 'NY')]],
    ['one foreign ZIP in ten', [...zipsIn(6300, 9, 'CT'), ...zipsIn(6390, 1, 'NY')]],
    ['territories sharing 969', [...zipsIn(96910, 13, 'GU'), ...zipsIn(96940, 2, 'PW'), ...zipsIn(96950, 3, 'MP')]],
  ])('infers nothing for %s', (_name, zips) => {
    const inference = inferPrefixStates(new Map(zips as Array<[string, UsState]>));
    const prefix = Number((zips[0] as [string, UsState])[0].slice(0, 3));

    expect(inference.prefixStates[prefix]).toBeUndefined();
    expect(inference.mixed.map((entry) => entry.prefix)).toEqual([String(prefix).padStart(3, '0')]);
  });

  it('assigns military prefixes without ZIPs', () => {
    const inference = inferPrefixStates(new Map());

    expect(inference.prefixStates[340]).toBe('AA');
    expect(inference.prefixStates.slice(90, 99)).toEqual(Array(9).fill('AE'));
    expect(inference.prefixStates.slice(962, 967)).toEqual(Array(5).fill('AP'));
  });

  it('lists prefixes without ZIPs as unused', () => {
    const inference = inferPrefixStates(new Map(zipsIn(2134, 1, 'MA')));

    expect(inference.unused).toContain('099');
    expect(inference.unused).not.toContain('021');
    expect(inference.unused).not.toContain('340');
  });
});
