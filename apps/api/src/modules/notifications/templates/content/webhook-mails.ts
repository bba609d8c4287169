import type { MailDataByKind } from '../mail-data.js';
import { oneLine } from '../render/plain-text.js';
import { name, when, type MailContext } from './mail-context.js';
import type { MailContent } from './mail-content.js';

// To every admin when a webhook endpoint was disabled after repeated failures: which one, since
// when, and the last error, with the link to the webhooks page where it is enabled again. Always
// sent (the receiving system is blind until someone acts), no unsubscribe link.

export function webhookDisabledMail(
  d: MailDataByKind['webhook_disabled'],
  ctx: MailContext,
): MailContent {
  const { t } = ctx;
  const texts = t.webhook_disabled;
  const rows = [
    // Without the scheme, so no mail client turns an address an admin typed into a link.
    { label: texts.endpoint, value: oneLine(d.endpointUrl.replace(/^https?:\/\//i, ''), 300) },
    ...(d.description ? [{ label: texts.description, value: oneLine(d.description, 300) }] : []),
    { label: texts.failures, value: String(d.failures) },
    { label: texts.disabledAt, value: when(d.disabledAt, ctx, 'UTC') },
    ...(d.lastError ? [{ label: texts.lastError, value: oneLine(d.lastError, 300) }] : []),
  ];
  return {
    subject: texts.subject,
    heading: texts.heading,
    blocks: [
      { type: 'paragraph', text: t.account.greeting(name(d.name, '')) },
      { type: 'paragraph', text: texts.intro },
      { type: 'facts', rows },
      { type: 'paragraph', text: texts.next },
      { type: 'actions', actions: [{ label: texts.action, url: d.actionUrl, primary: true }] },
    ],
    reason: texts.reason,
    footerLinks: [],
  };
}
