import fc from 'fast-check';
import { MAX_DESTINATION_URL_LENGTH, MAX_FORWARDED_VALUE_LENGTH, UnsafeDestinationError, appendForwardedParameters, fillTemplate, isForwardedParameter } from '../../functions/routing/destinationUrl';

const policy = { allowedHosts: ['quote.acme.example'], serviceHosts: ['go.form-router.example'] };
const values = { zip: '02134', state: 'MA', product: 'auto', lang: 'es' };

describe('fillTemplate', () => {
  it('substitutes every placeholder, encoded', () => {
    const url = fillTemplate('https://quote.acme.example/{product}/{lang}?zip={zip}&st={state}', { ...values, product: 'a b&c' }, policy);

    expect(url.href).toBe('https://quote.acme.example/a%20b%26c/es?zip=02134&st=MA');
  });

  it.each([
    ['http scheme', 'http://quote.acme.example/'],
    ['host off the allow-list', 'https://evil.example/'],
    ['user info', 'https://user:pw@quote.acme.example/'],
    ['Form Router itself', 'https://go.form-router.example/'],
  ])('rejects %s', (_case, template) => {
    const allowSelf = { ...policy, allowedHosts: [...policy.allowedHosts, 'go.form-router.example'] };

    expect(() => fillTemplate(template, values, allowSelf)).toThrow(UnsafeDestinationError);
  });

  it('matches allowed hosts case-insensitively', () => {
    expect(fillTemplate('https://QUOTE.Acme.example/x', values, policy).hostname).toBe('quote.acme.example');
  });
});

describe('isForwardedParameter', () => {
  it.each([
    ['utm_source', true],
    ['utm_', true],
    ['gclid', true],
    ['gclid2', false],
    ['reason', false],
    ['zip', false],
    ['utm source', false],
    ['', false],
  ])('%s → %s', (name, expected) => {
    expect(isForwardedParameter(name, ['utm_*', 'gclid', 'reason'])).toBe(expected);
  });
});

describe('appendForwardedParameters', () => {
  it('encodes each value once and keeps the host', () => {
    const url = new URL('https://quote.acme.example/auto?zip=02134');

    appendForwardedParameters(url, [['utm_source', 'a b&c=d/@evil.example#x'], ['gclid', '%41']], ['utm_*', 'gclid']);

    expect(url.hostname).toBe('quote.acme.example');
    expect(url.searchParams.get('utm_source')).toBe('a b&c=d/@evil.example#x');
    expect(url.searchParams.get('gclid')).toBe('%41');
  });

  it('keeps the form value when a forwarded name collides', () => {
    const url = new URL('https://quote.acme.example/auto?utm_medium=form');

    appendForwardedParameters(url, [['utm_medium', 'email']], ['utm_*']);

    expect(url.searchParams.getAll('utm_medium')).toEqual(['form']);
  });

  it('drops values over the length limit', () => {
    const url = new URL('https://quote.acme.example/auto');

    appendForwardedParameters(url, [['utm_term', 'x'.repeat(MAX_FORWARDED_VALUE_LENGTH + 1)], ['utm_source', 'ok']], ['utm_*']);

    expect(url.searchParams.has('utm_term')).toBe(false);
    expect(url.searchParams.get('utm_source')).toBe('ok');
  });

  it('keeps the URL within the length limit', () => {
    const url = new URL('https://quote.acme.example/auto');
    const long = 'x'.repeat(MAX_FORWARDED_VALUE_LENGTH);

    appendForwardedParameters(url, [['utm_a', long], ['utm_b', long], ['utm_c', 'short']], ['utm_*']);

    expect(url.href.length).toBeLessThanOrEqual(MAX_DESTINATION_URL_LENGTH);
    expect(url.searchParams.get('utm_a')).toBe(long);
    expect(url.searchParams.has('utm_b')).toBe(false);
    expect(url.searchParams.get('utm_c')).toBe('short');
  });

  it('encodes exactly as URLSearchParams does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const url = new URL('https://quote.acme.example/auto?zip=02134');

        appendForwardedParameters(url, [['utm_term', value]], ['utm_*']);
        const expected = new URLSearchParams({ zip: '02134', utm_term: value.toWellFormed() }).toString();

        expect(url.search).toBe(`?${expected}`);
      }),
      { numRuns: 2000 },
    );
  });
});
