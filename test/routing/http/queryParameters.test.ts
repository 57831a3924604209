import fc from 'fast-check';
import { parseQueryParameters } from '../../../functions/routing/http/queryParameters';

describe('parseQueryParameters', () => {
  it('keeps the first value of a repeated parameter', () => {
    const query = parseQueryParameters('zip=02134&zip=10001&brand=acme');

    expect(query.first('zip')).toBe('02134');
    expect(query.entries()).toEqual([
      ['zip', '02134'],
      ['brand', 'acme'],
    ]);
  });

  it('decodes once, including commas and plus signs', () => {
    const query = parseQueryParameters('utm_term=a%2Cb+c%2541');

    expect(query.first('utm_term')).toBe('a,b c%41');
  });

  it('returns undefined for an absent parameter', () => {
    expect(parseQueryParameters(undefined).first('zip')).toBeUndefined();
  });
});

describe('parseQueryParameters against URLSearchParams', () => {
  /** Returns the first value of each name, in order, as `URLSearchParams` parses the query. */
  function reference(query: string): [string, string][] {
    const firstValues = new Map<string, string>();
    for (const [name, value] of new URLSearchParams(query)) {
      if (!firstValues.has(name)) {
        firstValues.set(name, value);
      }
    }
    return [...firstValues];
  }

  it.each([
    ['a leading question mark', '?zip=02134&brand=acme'],
    ['two leading question marks', '??zip=02134'],
    ['empty pieces', '&&zip=02134&&=&='],
    ['a name without a value', 'zip&brand=acme'],
    ['an equals sign in the value', 'utm_term=a=b=c'],
    ['invalid percent sequences', 'utm_term=%zz%4%&%=x'],
    ['invalid UTF-8', 'utm_term=%C3%28%FF%E2%82'],
    ['a byte-order mark', 'utm_term=%EF%BB%BFx'],
    ['a lone surrogate', 'utm_term=a\ud800b&\udc00=1'],
    ['raw non-ASCII text', 'utm_term=café😀%C3%A9'],
    ['plus signs', 'utm+term=a+b%2B'],
  ])('matches for %s', (_case, query) => {
    expect(parseQueryParameters(query).entries()).toEqual(reference(query));
  });

  it('matches for any query', () => {
    const piece = fc.oneof(
      fc.constantFrom('&', '=', '?', '+', '%', '%2', '%41', '%C3', '%A9', '%E2%82%AC', '%F0%9F', '%ED%A0%80', '%EF%BB%BF', 'zip', 'é', '\ud800', '\udc00', '😀'),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    const query = fc.array(piece, { maxLength: 16 }).map((pieces) => pieces.join(''));

    fc.assert(
      fc.property(query, (text) => {
        expect(parseQueryParameters(text).entries()).toEqual(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
