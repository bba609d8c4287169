// One SMS segment: 160 characters when every character is in the GSM 03.38 alphabet (the
// extension characters take two), else the message goes as UCS-2 and 70 UTF-16 units fit.
// Czech letters with háček and all of Cyrillic force UCS-2.

const GSM_BASIC = new Set(
  Array.from(
    '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡' +
      'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ),
);
const GSM_EXTENDED = new Set(Array.from('^{}\\[~]|€\f'));

export const GSM_LIMIT = 160;
export const UCS2_LIMIT = 70;

export function isGsm(text: string): boolean {
  return Array.from(text).every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c));
}

/** What `text` costs in its encoding: septets for GSM-7, UTF-16 units for UCS-2. */
export function smsLength(text: string): number {
  if (!isGsm(text)) return text.length;
  return Array.from(text).reduce((n, c) => n + (GSM_EXTENDED.has(c) ? 2 : 1), 0);
}

export function smsLimit(text: string): number {
  return isGsm(text) ? GSM_LIMIT : UCS2_LIMIT;
}

/**
 * `prefix` + `tail` in one segment: the tail (a subject) is cut first, then, if the prefix alone
 * is too long, the whole line. Cut text ends in "..." in GSM-7 ("…" is not in it), "…" in UCS-2.
 */
export function fitSms(prefix: string, tail: string): string {
  const whole = prefix + tail;
  if (smsLength(whole) <= smsLimit(whole)) return whole;
  const gsm = isGsm(whole);
  const ellipsis = gsm ? '...' : '…';
  const limit = gsm ? GSM_LIMIT : UCS2_LIMIT;
  const cut = (text: string, room: number): string => {
    let out = '';
    for (const c of Array.from(text)) {
      if (smsLength(out + c) > room) break;
      out += c;
    }
    return out.trimEnd();
  };
  const room = limit - smsLength(ellipsis);
  if (smsLength(prefix) < room - 3)
    return `${prefix}${cut(tail, room - smsLength(prefix))}${ellipsis}`;
  return `${cut(whole, room)}${ellipsis}`;
}
