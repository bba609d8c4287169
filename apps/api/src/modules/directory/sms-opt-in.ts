import { isE164Phone, type ProblemFieldError } from '@relaydesk/contracts';

export interface PhoneState {
  phone: string | null;
  smsOptIn: boolean;
}

/**
 * The SMS opt-in after a write that may change `phone` and `smsOptIn` (undefined: unchanged).
 * Opting in needs a number a gateway takes, stored or sent along: a phone stored before numbers
 * were validated counts as none. Removing the phone withdraws the opt-in, so a number added later
 * gets no SMS until the user agrees again. `smsOptIn` undefined in the answer: leave it as it is.
 */
export function smsOptInChange(
  current: PhoneState,
  change: { phone?: string | null; smsOptIn?: boolean },
): { smsOptIn?: boolean; errors: ProblemFieldError[] } {
  const phone = change.phone !== undefined ? change.phone : current.phone;
  if (change.smsOptIn === true && !isE164Phone(phone)) {
    return {
      errors: [
        {
          field: 'smsOptIn',
          message:
            phone === null
              ? 'needs a phone number to send SMS to'
              : 'needs a phone number in E.164 form (such as +420601123456); update the phone first',
        },
      ],
    };
  }
  if (change.phone === null) return { smsOptIn: false, errors: [] };
  return { smsOptIn: change.smsOptIn, errors: [] };
}
