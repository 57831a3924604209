import type { BrandSettings } from './ruleSet';

export type LanguageResolution = { language: string } | { error: 'unsupported_language' };

/** A BCP 47 language tag after lower-casing: a 2- or 3-letter primary subtag, then subtags of 1 to 8 letters or digits. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;

/**
 * Resolves the language a request is routed in. The requested tag is NFKC-normalised, trimmed,
 * lower-cased and reduced to its primary subtag (`es-US` and `es_us` become `es`). When the product offers it,
 * that language applies. Otherwise, and for a tag that is not a language at all, the brand's
 * `defaultLanguage` applies when `languageFallback` is true and the product offers it. An omitted
 * or blank `requested` takes the brand default directly.
 *
 * Returns `{ error: 'unsupported_language' }` when no language applies, which includes a product
 * the brand does not offer, because such a product offers no language. Callers that must report
 * `unknown_product` check the product first. Never throws.
 */
export function resolveLanguage(settings: BrandSettings, product: string, requested: string | undefined): LanguageResolution {
  const offered = Object.hasOwn(settings.products, product) ? (settings.products[product]?.languages ?? []) : [];
  const tag = requested?.trim() ?? '';
  if (tag === '') {
    return offerOrReject(offered, settings.defaultLanguage);
  }

  const primary = primarySubtag(tag);
  if (primary !== null && offered.includes(primary)) {
    return { language: primary };
  }

  return settings.languageFallback ? offerOrReject(offered, settings.defaultLanguage) : { error: 'unsupported_language' };
}

/**
 * Reduces a BCP 47 tag to its lower-case primary subtag (`es-US` → `es`). An underscore counts
 * as a hyphen. Returns `null` for anything that is not a language tag (`*`, `e`, `en--US`).
 */
export function primarySubtag(tag: string): string | null {
  const normalized = tag.normalize('NFKC').trim().toLowerCase().replace(/_/g, '-');
  if (!LANGUAGE_TAG.test(normalized)) {
    return null;
  }

  return normalized.split('-')[0] ?? null;
}

function offerOrReject(offered: readonly string[], language: string): LanguageResolution {
  return offered.includes(language) ? { language } : { error: 'unsupported_language' };
}
