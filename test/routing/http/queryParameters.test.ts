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
