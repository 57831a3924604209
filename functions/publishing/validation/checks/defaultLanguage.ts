import { isRecord } from '../conditionLeaves';
import type { CheckContext, RuleProblem } from '../ruleProblem';

/**
 * Warns about products that do not offer the brand's `defaultLanguage`. A request for such a
 * product without `lang`, or with a language that falls back to the default, fails with
 * `unsupported_language` and the visitor lands on the fallback URL.
 */
export function checkDefaultLanguage(context: CheckContext): RuleProblem[] {
  const { brand } = context;
  const settings: unknown = context.ruleSet.settings;
  if (!isRecord(settings) || !isRecord(settings.products) || typeof settings.defaultLanguage !== 'string') {
    return [];
  }

  const defaultLanguage = settings.defaultLanguage;
  return Object.entries(settings.products).flatMap(([product, productSettings]) => {
    const languages = isRecord(productSettings) && Array.isArray(productSettings.languages) ? productSettings.languages : [];
    if (languages.includes(defaultLanguage)) {
      return [];
    }

    const message =
      `Brand "${brand}": product "${product}" does not offer the default language "${defaultLanguage}" (it offers ${languages.join(', ') || 'none'}), ` +
      `so a request such as product=${product} without lang fails with unsupported_language. Add "${defaultLanguage}" to its languages or change defaultLanguage.`;
    return [{ code: 'default_language_not_offered', severity: 'warning', brand, path: `settings.products.${product}.languages`, message }];
  });
}
