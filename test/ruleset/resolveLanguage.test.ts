import { primarySubtag, resolveLanguage } from '../../functions/ruleset/resolveLanguage';
import type { BrandSettings } from '../../functions/ruleset/ruleSet';

function settings(overrides: Partial<BrandSettings> = {}): BrandSettings {
  return {
    brand: 'acme',
    displayName: 'Acme',
    defaultLanguage: 'en',
    languageFallback: true,
    products: { auto: { languages: ['en', 'es'] }, life: { languages: ['es'] } },
    allowedHosts: ['quote.acme.example'],
    forwardedParameters: ['utm_*'],
    fallbackUrl: 'https://quote.acme.example/start',
    fallbackForm: 'fallback',
    ...overrides,
  };
}

describe('resolveLanguage', () => {
  it.each([
    ['an offered language', 'es', 'es'],
    ['a region subtag', 'es-US', 'es'],
    ['an underscore separator', 'es_us', 'es'],
    ['upper case', 'ES', 'es'],
    ['surrounding blanks', '  es-MX ', 'es'],
    ['a full-width tag', 'ｅｓ', 'es'],
    ['an unoffered language', 'fr', 'en'],
    ['an unoffered language with region', 'fr-CA', 'en'],
    ['a wildcard', '*', 'en'],
    ['a malformed tag', 'en--US', 'en'],
    ['an omitted language', undefined, 'en'],
    ['a blank language', '   ', 'en'],
  ])('resolves %s to the expected language', (_case, requested, expected) => {
    expect(resolveLanguage(settings(), 'auto', requested)).toEqual({ language: expected });
  });

  it.each([
    ['an unoffered language', 'fr'],
    ['a malformed tag', 'e'],
  ])('rejects %s when languageFallback is false', (_case, requested) => {
    expect(resolveLanguage(settings({ languageFallback: false }), 'auto', requested)).toEqual({ error: 'unsupported_language' });
  });

  it('keeps an offered language when languageFallback is false', () => {
    expect(resolveLanguage(settings({ languageFallback: false }), 'auto', 'es-US')).toEqual({ language: 'es' });
  });

  it('uses the default for an omitted language when languageFallback is false', () => {
    expect(resolveLanguage(settings({ languageFallback: false }), 'auto', undefined)).toEqual({ language: 'en' });
  });

  it.each([
    ['an omitted language', undefined],
    ['an unoffered language', 'fr'],
  ])('rejects %s when the product does not offer the default', (_case, requested) => {
    expect(resolveLanguage(settings(), 'life', requested)).toEqual({ error: 'unsupported_language' });
  });

  it('rejects every language of a product the brand does not offer', () => {
    expect(resolveLanguage(settings(), 'boat', 'en')).toEqual({ error: 'unsupported_language' });
  });

  it('ignores inherited object keys as products', () => {
    expect(resolveLanguage(settings(), 'constructor', 'en')).toEqual({ error: 'unsupported_language' });
  });
});

describe('primarySubtag', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['zh-Hant-TW', 'zh'],
    ['haw', 'haw'],
    ['*', null],
    ['english', null],
    ['', null],
  ])('reduces %j to %j', (tag, expected) => {
    expect(primarySubtag(tag)).toBe(expected);
  });
});
