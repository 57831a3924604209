import fc from 'fast-check';
import { normalizeZip } from '../../../functions/routing/zip/normalizeZip';
import type { RejectedZip } from '../../../functions/routing/zip/normalizeZip';

function rejection(input: unknown): RejectedZip {
  const result = normalizeZip(input);
  if (result.ok) {
    throw new Error(`normalizeZip accepted ${JSON.stringify(input)}`);
  }

  return result;
}

describe('normalizeZip', () => {
  it.each([
    ['02134', { ok: true, zip: '02134' }],
    ['02134-1234', { ok: true, zip: '02134', zipPlus4: '1234' }],
    ['02134 1234', { ok: true, zip: '02134', zipPlus4: '1234' }],
    ['021341234', { ok: true, zip: '02134', zipPlus4: '1234' }],
    ['\u00a002134\u2003', { ok: true, zip: '02134' }],
    ['０２１３４ １２３４', { ok: true, zip: '02134', zipPlus4: '1234' }],
    [0, { ok: true, zip: '00000' }],
    [99_999, { ok: true, zip: '99999' }],
    [100_000_000, { ok: true, zip: '10000', zipPlus4: '0000' }],
    [999_999_999, { ok: true, zip: '99999', zipPlus4: '9999' }],
  ])('accepts %j', (input, expected) => {
    expect(normalizeZip(input)).toEqual(expected);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty string', ''],
    ['a full-width space', '\u3000'],
  ])('reports %s as missing', (_name, input) => {
    const result = rejection(input);

    expect(result.code).toBe('missing_parameter');
    expect(result.message).toContain('02134-1234');
  });

  it('hints the leading zero for 4 digits', () => {
    const result = rejection(' 2134 ');

    expect(result.code).toBe('invalid_zip');
    expect(result.hint).toBe('did you mean 02134?');
    expect(result.message).toContain('" 2134 " has 4 digits');
  });

  it.each(['K1A 0B1', 'k1a0b1', 'M5V-3L9', 'H0H 0H0'])('reports Canadian %j as not a US postal code', (input) => {
    expect(normalizeZip(input)).toMatchObject({ ok: false, code: 'not_us_postal_code' });
  });

  it.each(['D1A 0B1', 'K1A 0B', 'W1A 0B1'])('treats non-Canadian %j as invalid', (input) => {
    expect(normalizeZip(input)).toMatchObject({ ok: false, code: 'invalid_zip' });
  });

  it.each([
    ['six digits', '021345'],
    ['eight digits', '02134123'],
    ['two separators', '02134--1234'],
    ['Arabic-Indic digits', '٠٢١٣٤'],
    ['a trailing letter', '02134a'],
  ])('rejects %s', (_name, input) => {
    expect(normalizeZip(input)).toMatchObject({ ok: false, code: 'invalid_zip' });
  });

  it.each([
    ['a 6-digit number', 123_456],
    ['an 8-digit number', 21_341_234],
    ['a 10-digit number', 1_000_000_000],
    ['a fraction', 2134.5],
    ['a negative number', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('rejects %s', (_name, input) => {
    const result = rejection(input);

    expect(result.code).toBe('invalid_zip');
    expect(result.message).toContain(`zip ${String(input)} is not a valid US ZIP code`);
  });

  it.each([
    ['a boolean', true, 'received the boolean true'],
    ['an array', ['02134'], 'received an array'],
    ['an object', { zip: '02134' }, 'received an object'],
  ])('rejects %s naming its type', (_name, input, fragment) => {
    const result = rejection(input);

    expect(result.code).toBe('invalid_zip');
    expect(result.message).toContain(fragment);
  });

  it('quotes the received value as a JSON string', () => {
    const result = rejection('a"b\n<script>');

    expect(result.message).toContain('zip "a\\"b\\n<script>" is not a valid US ZIP code');
  });

  it('truncates a long value to 40 characters', () => {
    const result = rejection(`${'x'.repeat(39)}😀${'y'.repeat(500)}`);

    expect(result.message).toContain(`"${'x'.repeat(39)}😀…"`);
    expect(result.message.length).toBeLessThan(200);
  });

  it('names the accepted forms in every rejection', () => {
    const result = rejection('abc');

    expect(result.message).toContain('Send 5 digits (02134), or ZIP+4 as 02134-1234, 02134 1234 or 021341234.');
  });

  it('returns a result for any value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string({ unit: 'binary' })), (input) => {
        const result = normalizeZip(input);

        expect(result.ok ? /^[0-9]{5}$/.test(result.zip) : result.message.length > 0).toBe(true);
      }),
    );
  });
});
