import type { AccountMailKind } from '@relaydesk/contracts';
import type { MailDataByKind } from '../mail-data.js';
import { name, when, type MailContext } from './mail-context.js';
import type { MailBlock, MailContent } from './mail-content.js';

// Mails about a person's account go out whatever the preferences say: no unsubscribe link and
// no settings link (they would not stop them). The action link carries a single-use token; it is
// shown once, as the button and its URL in the text part, and never goes into an SMS. The data
// has no time zone for the expiry: it is shown in UTC, with the zone named.

export function accountMail<
  K extends Exclude<AccountMailKind, 'webhook_disabled' | 'mail_refused'>,
>(kind: K, d: MailDataByKind[K], ctx: MailContext): MailContent {
  const { t } = ctx;
  const texts = t[kind];
  const blocks: MailBlock[] = [
    // The web form's confirmation greets no one: the name is whatever a stranger typed.
    {
      type: 'paragraph',
      text: t.account.greeting(
        kind !== 'web_form_confirmation' && 'name' in d ? name(d.name, '') : '',
      ),
    },
    { type: 'paragraph', text: texts.intro },
  ];
  if ('newEmail' in d) {
    blocks.push({
      type: 'facts',
      rows: [{ label: t.labels.newEmail, value: name(d.newEmail, '') }],
    });
  }
  blocks.push(
    { type: 'actions', actions: [{ label: texts.action, url: d.actionUrl, primary: true }] },
    { type: 'paragraph', text: t.account.validity(when(d.expiresAt, ctx, 'UTC')) },
    { type: 'paragraph', text: texts.ignore },
  );
  return {
    subject: texts.subject,
    heading: texts.heading,
    blocks,
    // The web form's confirmation goes to someone who may have no account yet.
    reason:
      kind === 'web_form_confirmation' ? texts.reason : `${texts.reason} ${t.account.alwaysSent}`,
    footerLinks: [],
  };
}
