import fc from 'fast-check';
import { MAX_FORWARDED_PARAMETERS, MAX_FORWARDED_VALUE_LENGTH, isForwardedParameter } from '../../../functions/routing/destinationUrl';
import { createSampleApp } from '../../support/routingApp';
import { getEvent } from '../../support/httpEvents';

const { handle, ruleSets } = createSampleApp();
const settingsByBrand = new Map(ruleSets.map((ruleSet) => [ruleSet.settings.brand, ruleSet.settings]));

/** Query names that a brand's own form URLs set, plus `reason`: the only names in a Location not forwarded. */
const ownNamesByBrand = new Map(
  ruleSets.map((ruleSet) => {
    const names = Object.values(ruleSet.forms).flatMap((form) => [...new URL(form.url.replace(/[{}]/g, '')).searchParams.keys()]);
    return [ruleSet.settings.brand, new Set([...names, 'reason'])];
  }),
);

const hostileText = fc.oneof(
  fc.constantFrom(
    '\r\nLocation: https://evil.example/',
    '%0d%0aSet-Cookie:%20x=1',
    '\\\\evil.example',
    '/\\evil.example',
    '//evil.example',
    'https://evil.example/',
    'https:%2F%2Fevil.example',
    '%2F%2Fevil.example',
    'user@evil.example',
    '@evil.example',
    '\tacme',
    'acme\u0000',
    'ａｃｍｅ',
    '０２１３４',
    '%252F%252Fevil.example',
    '%E2%80%AE',
    '\u202e',
    '😀',
    '%',
    '%zz',
    '+',
    '&',
    '=',
    '#frag',
    '?',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 12 }).map((s) => s.repeat(Math.ceil(10_000 / Math.max(s.length, 1))).slice(0, 10_000)),
);

const validValue = {
  brand: fc.constantFrom('acme', 'bluebonnet', 'pinecrest', 'ACME', ' acme '),
  product: fc.constantFrom('auto', 'home', 'renters', 'life', 'motorcycle', 'Auto'),
  zip: fc.constantFrom('02134', '30303', '33101', '10001', '00501', '96799', '09001', '2134', '02134-1234', '021341234', 'K1A 0B1'),
  lang: fc.constantFrom('en', 'es', 'es-US', 'fr', 'EN'),
};

const parameterName = fc.oneof(
  fc.constantFrom('brand', 'product', 'zip', 'lang', 'utm_source', 'utm_medium', 'utm_', 'gclid', 'fbclid', 'msclkid', 'reason', 'next', 'url', 'redirect'),
  fc.string({ maxLength: 12 }),
);

/** One query parameter, with its name and value encoded in one of the ways browsers and scripts do. */
const parameter = fc
  .tuple(parameterName, fc.oneof(hostileText, fc.constant('')), fc.constantFrom('encoded', 'raw', 'doubled'))
  .chain(([name, value, encoding]) => {
    const typed = Object.hasOwn(validValue, name) ? fc.oneof(validValue[name as keyof typeof validValue], fc.constant(value)) : fc.constant(value);
    return typed.map((typedValue) => encode(name, typedValue, encoding));
  });

function encode(name: string, value: string, encoding: string): string {
  if (encoding === 'raw') {
    return `${name}=${value}`;
  }
  const once = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  return encoding === 'doubled' ? `${encodeURIComponent(name)}=${encodeURIComponent(encodeURIComponent(value))}` : once;
}

/** Queries that usually name a real brand, product and ZIP, so that most requests redirect. */
const query = fc
  .tuple(validValue.brand, validValue.product, validValue.zip, fc.array(parameter, { maxLength: 12 }), fc.boolean())
  .map(([brand, product, zip, extra, leadWithExtra]) => {
    const base = [`brand=${encodeURIComponent(brand)}`, `product=${product}`, `zip=${encodeURIComponent(zip)}`];
    return (leadWithExtra ? [...extra, ...base] : [...base, ...extra]).join('&');
  });

describe('GET /v1/redirect under hostile query strings', () => {
  it('never fails, never leaves the allow-list, forwards values intact', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (rawQuery) => {
        const response = await handle(getEvent('/v1/redirect', rawQuery));
        const locationHeaders = Object.keys(response.headers).filter((name) => name.toLowerCase() === 'location');

        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode !== 302) {
          expect(locationHeaders).toHaveLength(0);
          return;
        }
        expect(locationHeaders).toHaveLength(1);

        const sent = new URLSearchParams(rawQuery);
        const brand = (sent.get('brand') ?? '').normalize('NFKC').trim().toLowerCase();
        const settings = settingsByBrand.get(brand);
        const location = new URL(response.headers.location ?? '');
        expect(settings).toBeDefined();
        expect(location.protocol).toBe('https:');
        expect(settings?.allowedHosts).toContain(location.hostname);
        expect(response.headers.location).not.toMatch(/[\r\n\t\s]/);

        const ownNames = ownNamesByBrand.get(brand) ?? new Set<string>();
        const isForwarded = (name: string) => isForwardedParameter(name, settings?.forwardedParameters ?? []) && !ownNames.has(name);
        const forwarded = [...new Set(sent.keys())].filter(isForwarded);
        for (const name of forwarded.slice(0, MAX_FORWARDED_PARAMETERS)) {
          const value = sent.get(name) ?? '';
          if (value.length <= MAX_FORWARDED_VALUE_LENGTH) {
            expect(location.searchParams.getAll(name)).toEqual([value]);
          }
        }
        for (const name of location.searchParams.keys()) {
          expect(ownNames.has(name) || isForwarded(name)).toBe(true);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
