import type { MailDataByKind } from '../mail-data.js';
import { when, type MailContext } from './mail-context.js';
import type { MailContent } from './mail-content.js';

// The polite refusal to a mail's sender who may not file by mail (RFC 3834 auto-reply: one per
// address and day, never to auto-submitted mail). It repeats nothing of the message: a forged
// sender would otherwise make us relay a stranger's text to them, and that includes the display
// name: the greeting is neutral.

export function mailRefusedMail(d: MailDataByKind['mail_refused'], ctx: MailContext): MailContent {
  const { t } = ctx;
  const texts = t.mail_refused;
  return {
    subject: texts.subject,
    heading: texts.heading,
    blocks: [
      { type: 'paragraph', text: t.account.greeting('') },
      { type: 'paragraph', text: texts.intro(when(d.receivedAt, ctx, 'UTC')) },
      { type: 'paragraph', text: texts[d.why] },
      { type: 'paragraph', text: texts.next },
    ],
    reason: texts.reason,
    footerLinks: [],
  };
}
