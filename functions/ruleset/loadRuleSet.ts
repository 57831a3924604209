import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { RuleSetFileInvalidJsonError, RuleSetFileMissingError, RuleSetSchemaInvalidError } from './loadErrors';
import type { RuleSet } from './ruleSet';
import { RULE_SET_FILE_NAMES, ruleSetFromFiles } from './ruleSetFiles';
import type { RuleSetFiles } from './ruleSetFiles';
import { validateRuleSetSchema } from './validateSchema';

/**
 * The repository's `rules/` folder: one sub-folder per brand, plus `schemas/`.
 *
 * NOTE: resolved from this file's location, so it holds when the sources run from the
 * repository (tsx, jest), not inside a bundle. Bundled code reads the snapshot built from it.
 */
export const RULES_DIR = path.resolve(__dirname, '..', '..', 'rules');

/** Sub-folder of the rules folder that contains the JSON Schemas rather than a brand. */
const SCHEMAS_FOLDER = 'schemas';

/**
 * Reads and validates the rule set in `brandDir` (brand.json, forms.json, rules.json,
 * expectations.json) and returns it without the `$schema` keys.
 *
 * Throws `RuleSetFileMissingError` or `RuleSetFileInvalidJsonError` naming the first file that
 * is missing or unparsable, and `RuleSetSchemaInvalidError` listing every schema problem,
 * including a `brand` that differs from the folder name.
 */
export function loadRuleSet(brandDir: string): RuleSet {
  const folderName = path.basename(path.resolve(brandDir));
  const files = readRuleSetFiles(brandDir, folderName);

  const problems = validateRuleSetSchema(files, { folderName });
  if (problems.length > 0) throw new RuleSetSchemaInvalidError(brandDir, folderName, problems);

  return ruleSetFromFiles(files);
}

/**
 * Loads every brand folder in `rulesDir`, sorted by folder name. `schemas/` and folders whose
 * name starts with a dot are skipped, and so are plain files. Throws what `loadRuleSet` throws,
 * for the first brand that fails.
 */
export function loadAllRuleSets(rulesDir: string = RULES_DIR): RuleSet[] {
  return listBrandFolders(rulesDir).map((folder) => loadRuleSet(path.join(rulesDir, folder)));
}

/** Names of the brand folders in `rulesDir`, sorted: every sub-folder except `schemas` and dot-folders. */
export function listBrandFolders(rulesDir: string = RULES_DIR): string[] {
  return readdirSync(rulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== SCHEMAS_FOLDER && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

function readRuleSetFiles(brandDir: string, folderName: string): RuleSetFiles {
  const files: Partial<RuleSetFiles> = {};

  for (const file of RULE_SET_FILE_NAMES) {
    files[file] = readJsonFile(path.join(brandDir, file), folderName);
  }

  return files as RuleSetFiles;
}

function readJsonFile(filePath: string, folderName: string): unknown {
  const text = readText(filePath, folderName);

  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new RuleSetFileInvalidJsonError(filePath, folderName, text, error);
  }
}

function readText(filePath: string, folderName: string): string {
  try {
    // Some editors on Windows save UTF-8 with a byte order mark, which JSON.parse rejects.
    return readFileSync(filePath, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (!isMissingFileError(error)) throw error;
    throw new RuleSetFileMissingError(filePath, folderName, { cause: error });
  }
}

/** Checks the `code` of a Node.js file-system error. It avoids `instanceof Error`, which is false for such errors inside jest's module sandbox. */
function isMissingFileError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;

  return code === 'ENOENT' || code === 'ENOTDIR';
}
