import { existsSync } from 'node:fs';
import path from 'node:path';
import { fromSchemaProblem } from '../../publishing/validation/checks/schema';
import type { RuleProblem } from '../../publishing/validation/ruleProblem';
import { RuleSetError } from '../../ruleset/errors';
import { RuleSetFileInvalidJsonError, RuleSetFileMissingError, RuleSetSchemaInvalidError } from '../../ruleset/loadErrors';
import { listBrandFolders, loadRuleSet } from '../../ruleset/loadRuleSet';
import type { RuleSet } from '../../ruleset/ruleSet';

export type LoadedBrand = { ok: true; ruleSet: RuleSet } | { ok: false; brand: string; problems: RuleProblem[] };

/**
 * Loads `rules/<brand>/` and turns a missing file, invalid JSON or schema problems into validation
 * problems, so that commands report them like every other problem. Rethrows anything else.
 */
export function loadBrand(rulesDir: string, brand: string): LoadedBrand {
  try {
    return { ok: true, ruleSet: loadRuleSet(path.join(rulesDir, brand)) };
  } catch (error) {
    if (error instanceof RuleSetSchemaInvalidError) {
      return { ok: false, brand, problems: error.problems.map((problem) => fromSchemaProblem(problem)) };
    }
    if (error instanceof RuleSetFileMissingError || error instanceof RuleSetFileInvalidJsonError) {
      return { ok: false, brand, problems: [{ code: error.code, severity: 'error', brand, path: path.basename(error.filePath), message: error.message }] };
    }
    if (error instanceof RuleSetError) {
      return { ok: false, brand, problems: [{ code: 'check_failed', severity: 'error', brand, message: error.message }] };
    }
    throw error;
  }
}

/**
 * Returns the brands a command works on: `brand` when given, every brand folder otherwise.
 * Returns an error message when `brand` has no folder or the rules folder has no brand.
 */
export function selectBrands(rulesDir: string, brand: string | undefined): { brands: string[] } | { error: string } {
  if (!existsSync(rulesDir)) {
    return { error: `Rules folder ${rulesDir} not found; pass --rules-dir with the folder that contains one sub-folder per brand` };
  }

  const known = listBrandFolders(rulesDir);
  if (brand === undefined) {
    return known.length > 0 ? { brands: known } : { error: `Rules folder ${rulesDir} contains no brand folder` };
  }

  return known.includes(brand) ? { brands: [brand] } : { error: `Unknown brand "${brand}": ${rulesDir} has no folder ${brand}; brands: ${known.join(', ') || 'none'}` };
}
