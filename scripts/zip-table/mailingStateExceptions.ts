import type { UsState } from '../../functions/shared/usStates';

/** A ZIP whose state is set by hand, overriding both datasets and the military prefix rule. */
export interface MailingStateException {
  zip: string;
  /** The state of the ZIP's USPS mailing address. */
  state: UsState;
  reason: string;
}

/**
 * ZIPs whose delivery area crosses a state line, or that sit in another state's prefix block, pinned
 * to their mailing state. Both datasets agree with every entry today. The pins keep the state fixed
 * if a dataset update changes it, and the generator reports any entry that overrides the data.
 * Every other ZIP takes the state its dataset lists.
 */
export const MAILING_STATE_EXCEPTIONS: readonly MailingStateException[] = [
  {
    zip: '42223',
    state: 'KY',
    reason: 'Fort Campbell spans the Kentucky-Tennessee line; its mailing address is Fort Campbell, KY.',
  },
  {
    zip: '72643',
    state: 'MO',
    reason: 'Lead Hill, MO is a Missouri ZIP inside the Arkansas 726 block; only the GeoNames data lists it.',
  },
];
