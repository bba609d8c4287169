import type { RawHeaders } from './raw-mime.js';
import type { AutoSubmittedReason } from './parsed-mail.js';

const SYSTEM_SENDER = /^(?:mailer-daemon|postmaster)@/i;

/**
 * The first rule of notes.md §2 (RFC 3834) that says no automatic mail may answer this message.
 * `fromAddress`/`returnPath` are the parsed, lower-cased values ('' = the null sender).
 */
export function detectAutoSubmitted(
  headers: RawHeaders,
  fromAddress: string | null,
  returnPath: string | null,
): AutoSubmittedReason | null {
  const first = (name: string) => headers.get(name).map((v) => v.trim());
  if (
    first('auto-submitted').some((v) => v !== '' && v.split(';')[0].trim().toLowerCase() !== 'no')
  ) {
    return 'auto-submitted';
  }
  if (first('precedence').some((v) => /^(?:bulk|list|junk|auto_reply)$/i.test(v)))
    return 'precedence';
  if (
    [...first('x-autoreply'), ...first('x-autorespond')].some((v) => !/^(?:no|false|0)$/i.test(v))
  ) {
    return 'x-autoreply';
  }
  const suppress = first('x-auto-response-suppress').flatMap((v) => v.split(/[\s,]+/));
  if (suppress.some((token) => /^(?:all|autoreply|oof)$/i.test(token)))
    return 'auto-response-suppress';
  if (headers.get('list-id').length > 0 || headers.get('list-unsubscribe').length > 0)
    return 'mailing-list';
  if (returnPath === '') return 'empty-envelope-sender';
  if (
    (fromAddress && SYSTEM_SENDER.test(fromAddress)) ||
    (returnPath && SYSTEM_SENDER.test(returnPath))
  ) {
    return 'mailer-daemon';
  }
  return null;
}
