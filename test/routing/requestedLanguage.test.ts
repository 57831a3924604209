import { parseAcceptLanguage, requestedLanguage } from '../../functions/routing/requestedLanguage';

describe('parseAcceptLanguage', () => {
  it('orders by quality, then by position', () => {
    expect(parseAcceptLanguage('fr;q=0.5, es-MX, en;q=0.9, de;q=0')).toEqual(['es', 'en', 'fr']);
  });

  it('ignores malformed entries', () => {
    expect(parseAcceptLanguage('*, ;q=1, en;q=abc, es')).toEqual(['es']);
  });
});

describe('requestedLanguage', () => {
  it('prefers the lang parameter', () => {
    expect(requestedLanguage('es-US', 'en', ['en', 'es'])).toBe('es-US');
  });

  it('takes the best offered Accept-Language entry', () => {
    expect(requestedLanguage(undefined, 'fr, es;q=0.8, en;q=0.5', ['en', 'es'])).toBe('es');
  });

  it('returns undefined when nothing matches', () => {
    expect(requestedLanguage('  ', 'fr', ['en'])).toBeUndefined();
  });
});
