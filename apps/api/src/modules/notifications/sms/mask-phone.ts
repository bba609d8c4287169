/**
 * A phone number as logs show it: the country code side and the last three digits
 * (`+420******456`), enough to tell recipients apart, not enough to call them.
 */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 4)}${'*'.repeat(phone.length - 7)}${phone.slice(-3)}`;
}
