import { isIPv4, isIPv6 } from 'node:net';

/**
 * One mailbox however it is spelled: `Victim+1@X` and `victim+2@x` reach the same person, so
 * they share the limits on mails to them.
 */
export function mailboxKey(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address.toLowerCase();
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus < 0 ? local : local.slice(0, plus)}${address.slice(at)}`.toLowerCase();
}

/** The same normalization in SQL, over a column `address`. */
export const MAILBOX_KEY_SQL = `lower(regexp_replace(address, '\\+[^@]*(@[^@]*)$', '\\1'))`;

/**
 * The network a client address stands for: an IPv4 address itself, an IPv6 one its /64 (one
 * subscriber usually holds a whole /64, so counting single addresses would let them rotate
 * through 2^64 of them). IPv4-mapped IPv6 is the IPv4 address.
 */
export function networkKey(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  let right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  // An embedded IPv4 tail (::a.b.c.d forms) is two groups; it never reaches the /64 prefix.
  if (right.length && right[right.length - 1].includes('.'))
    right = [...right.slice(0, -1), '0', '0'];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
