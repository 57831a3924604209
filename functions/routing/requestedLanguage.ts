import { primarySubtag } from '../ruleset/resolveLanguage';

/**
 * Picks the language to request: the `lang` parameter when given, otherwise the highest-weighted
 * `Accept-Language` entry that the product offers. `undefined` means the brand default applies.
 */
export function requestedLanguage(
  langParameter: string | undefined,
  acceptLanguage: string | undefined,
  offered: readonly string[],
): string | undefined {
  if (langParameter !== undefined && langParameter.trim() !== '') {
    return langParameter;
  }
  if (!acceptLanguage) {
    return undefined;
  }

  return parseAcceptLanguage(acceptLanguage).find((language) => offered.includes(language));
}

/** Primary subtags of an `Accept-Language` header, highest quality first; `q=0` entries are dropped. */
export function parseAcceptLanguage(header: string): string[] {
  const weighted: { language: string; quality: number; order: number }[] = [];
  const entries = header.slice(0, 1024).split(',');

  entries.forEach((entry, order) => {
    const [tag = '', ...parameters] = entry.split(';');
    const language = primarySubtag(tag) ?? undefined;
    const qualityParameter = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = qualityParameter === undefined ? 1 : Number(qualityParameter.slice(2));
    if (language !== undefined && Number.isFinite(quality) && quality > 0) {
      weighted.push({ language, quality, order });
    }
  });

  weighted.sort((a, b) => b.quality - a.quality || a.order - b.order);
  return [...new Set(weighted.map((entry) => entry.language))];
}
