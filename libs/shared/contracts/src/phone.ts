/**
 * Phone numbers as SMS gateways take them: E.164, a plus and up to 15 digits with the country
 * code first (`+420601123456`). People type them with spaces, dashes, dots and parentheses
 * (`+420 601 123 456`, `+7 (861) 200-10-01`); `normalizePhone` removes those and nothing else,
 * so the API and both SPAs accept and store the same thing.
 */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** The longest phone value a request may carry, separators included (users.phone is varchar 50). */
export const PHONE_MAX_LENGTH = 50;

/** What a person reads when a number is refused. */
export const PHONE_FORMAT_HINT =
  'an international number in E.164 form, such as +420601123456 ' +
  '(spaces, dashes, dots and parentheses are removed)';

// U+00A0 and U+202F: the no-break spaces a copy from a web page or a phone's contacts brings.
const SEPARATORS = /[\s\u00a0\u202f\-\u2010-\u2015.()]/g;

/**
 * The number without separators; `null` for an empty or blank value (no phone). Anything else
 * (letters, a missing plus) is left as it is for `isE164Phone` to refuse: guessing a country
 * code or turning a leading 00 into + would store a number the person did not type.
 */
export function normalizePhone(value: string): string | null {
  const compact = value.replace(SEPARATORS, '');
  return compact === '' ? null : compact;
}

/** Is `value` (already normalized) a number an SMS gateway can be given? */
export function isE164Phone(value: string | null | undefined): value is string {
  return typeof value === 'string' && E164_PATTERN.test(value);
}
