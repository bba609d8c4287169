import type { AddressObject, EmailAddress } from 'mailparser';
import type { MailAddress } from './parsed-mail.js';
import type { RawHeaders } from './raw-mime.js';

/** Postgres text cannot hold NUL. */
export function withoutNul(value: string): string {
  return value.replace(/\u0000/g, '');
}

/** A header value for one line: unfolded, control characters (header injection) blanked. */
export function singleLine(value: string): string {
  return withoutNul(value)
    .replace(/\r?\n[ \t]*/g, ' ')
    .replace(/[\u0001-\u001f\u007f]/g, ' ')
    .trim();
}

type AddressHeader = AddressObject | AddressObject[] | undefined;

function mailboxes(value: AddressHeader): EmailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const flat = (list: EmailAddress[]): EmailAddress[] =>
    list.flatMap((a) => (a.group ? flat(a.group) : [a]));
  return objects.flatMap((o) => flat(o.value ?? []));
}

function toMailAddress(entry: EmailAddress): MailAddress | null {
  const address = withoutNul(entry.address ?? '')
    .trim()
    .toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) return null;
  return { address, name: singleLine(entry.name ?? '') };
}

/** Every mailbox of the header(s), groups flattened, deduplicated by address. */
export function addressList(value: AddressHeader): MailAddress[] {
  const seen = new Set<string>();
  const list: MailAddress[] = [];
  for (const entry of mailboxes(value)) {
    const address = toMailAddress(entry);
    if (address && !seen.has(address.address)) {
      seen.add(address.address);
      list.push(address);
    }
  }
  return list;
}

export function firstAddress(value: AddressHeader): MailAddress | null {
  return addressList(value)[0] ?? null;
}

/**
 * The topmost Return-Path (the one our MTA wrote). `<>` is the null sender of bounces and
 * auto-replies: '' so that it differs from "no header" (null).
 */
export function parseReturnPath(headers: RawHeaders): string | null {
  const value = headers.get('return-path')[0];
  if (value === undefined) return null;
  const inner = /<([^<>]*)>/.exec(value)?.[1] ?? value;
  return inner.trim().toLowerCase();
}

/** The envelope recipients our MTA recorded; a plus-address may be found only here. */
export function deliveredTo(headers: RawHeaders): string[] {
  const found: string[] = [];
  for (const name of ['delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to']) {
    for (const value of headers.get(name)) {
      for (const m of value.matchAll(/[^\s<>,;:"()]+@[^\s<>,;:"()]+/g)) {
        const address = m[0].toLowerCase();
        if (!found.includes(address)) found.push(address);
      }
    }
  }
  return found;
}
