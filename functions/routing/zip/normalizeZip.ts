/** Error codes of a rejected ZIP, as the API reports them. */
export type ZipErrorCode = 'missing_parameter' | 'invalid_zip' | 'not_us_postal_code';

/** A ZIP reduced to 5 digits, with the ZIP+4 add-on when the input carried one. */
export interface NormalizedZip {
  ok: true;
  zip: string;
  zipPlus4?: string;
}

/** Rejection of a ZIP, with a stable code, a message naming the value and the accepted forms, and an optional suggestion. */
export interface RejectedZip {
  ok: false;
  code: ZipErrorCode;
  message: string;
  hint?: string;
}

export type NormalizeZipResult = NormalizedZip | RejectedZip;

const ZIP_STRING = /^([0-9]{5})(?:[- ]?([0-9]{4}))?$/;
const FOUR_DIGITS = /^([0-9]{4})(?:[- ][0-9]{4})?$/;
// Canada Post never uses D, F, I, O, Q or U, and never W or Z as the first letter.
const CANADIAN_POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][ -]?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$/i;
const MAX_ZIP = 99_999;
const MIN_ZIP_PLUS_4 = 100_000_000;
const MAX_ZIP_PLUS_4 = 999_999_999;
const MAX_QUOTED_LENGTH = 40;
const ACCEPTED = 'Send 5 digits (02134), or ZIP+4 as 02134-1234, 02134 1234 or 021341234.';

/**
 * Normalizes a ZIP from a query parameter or a JSON body. A string is NFKC-normalized and trimmed,
 * then accepted as NNNNN, NNNNN-NNNN, NNNNN NNNN or NNNNNNNNN. A 4-digit string is rejected with a
 * hint, never padded, because a dropped digit may be anywhere. A JSON number from 0 to 99999 is
 * padded to 5 digits, since a number cannot carry a leading zero, and a 9-digit number is read as
 * ZIP+4. Every rejection is a `RejectedZip`, so the function does not throw for any input.
 */
export function normalizeZip(value: unknown): NormalizeZipResult {
  if (value === undefined || value === null) {
    return reject('missing_parameter', `zip is missing. ${ACCEPTED}`);
  }
  if (typeof value === 'number') {
    return normalizeZipNumber(value);
  }
  if (typeof value !== 'string') {
    return reject('invalid_zip', `zip must be a string or a number, but received ${describeValue(value)}. ${ACCEPTED}`);
  }

  return normalizeZipString(value);
}

function normalizeZipString(raw: string): NormalizeZipResult {
  const text = raw.normalize('NFKC').trim();
  if (text === '') {
    return reject('missing_parameter', `zip is empty. ${ACCEPTED}`);
  }

  const zip = ZIP_STRING.exec(text);
  if (zip !== null) {
    return accept(zip[1] as string, zip[2]);
  }
  const fourDigits = FOUR_DIGITS.exec(text);
  if (fourDigits !== null) {
    const suggestion = `0${fourDigits[1] as string}`;
    return reject('invalid_zip', `zip ${quote(raw)} has 4 digits, but a US ZIP code has 5. ${ACCEPTED}`, `did you mean ${suggestion}?`);
  }
  if (CANADIAN_POSTAL_CODE.test(text)) {
    return reject('not_us_postal_code', `zip ${quote(raw)} is a Canadian postal code, and only US ZIP codes are accepted. ${ACCEPTED}`);
  }

  return reject('invalid_zip', `zip ${quote(raw)} is not a valid US ZIP code. ${ACCEPTED}`);
}

function normalizeZipNumber(value: number): NormalizeZipResult {
  if (Number.isInteger(value) && value >= 0 && value <= MAX_ZIP) {
    return accept(String(value).padStart(5, '0'), undefined);
  }
  if (Number.isInteger(value) && value >= MIN_ZIP_PLUS_4 && value <= MAX_ZIP_PLUS_4) {
    const digits = String(value);
    return accept(digits.slice(0, 5), digits.slice(5));
  }

  // A 6- to 8-digit number may be a ZIP+4 that lost leading zeros or a ZIP with extra digits, so it is not guessed.
  return reject(
    'invalid_zip',
    `zip ${String(value)} is not a valid US ZIP code. A number must be an integer from 0 to 99999 or a 9-digit ZIP+4, so send other forms as a string such as "02134-1234".`,
  );
}

function accept(zip: string, zipPlus4: string | undefined): NormalizedZip {
  return zipPlus4 === undefined ? { ok: true, zip } : { ok: true, zip, zipPlus4 };
}

function reject(code: ZipErrorCode, message: string, hint?: string): RejectedZip {
  return hint === undefined ? { ok: false, code, message } : { ok: false, code, message, hint };
}

/** Quotes a received value as a JSON string literal, cut to 40 code points so that a long or hostile value stays readable. */
function quote(raw: string): string {
  // Two UTF-16 units per code point at most, so this slice keeps the first 40 code points.
  const codePoints = Array.from(raw.slice(0, 2 * MAX_QUOTED_LENGTH + 1));
  const excerpt = codePoints.length > MAX_QUOTED_LENGTH ? `${codePoints.slice(0, MAX_QUOTED_LENGTH).join('')}…` : codePoints.join('');

  return JSON.stringify(excerpt);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') {
    return `the ${typeof value} ${String(value)}`;
  }

  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
