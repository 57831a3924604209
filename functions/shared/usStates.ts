/**
 * USPS two-letter codes that a ZIP can map to: the 50 states, DC, the territories and freely
 * associated states (PR, VI, GU, AS, MP, FM, MH, PW) and the military codes (AA, AE, AP).
 */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY',
  'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND',
  'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  'DC',
  'PR', 'VI', 'GU', 'AS', 'MP', 'FM', 'MH', 'PW',
  'AA', 'AE', 'AP',
] as const;

export type UsState = (typeof US_STATES)[number];

const STATE_SET: ReadonlySet<string> = new Set(US_STATES);

export function isUsState(value: string): value is UsState {
  return STATE_SET.has(value);
}
