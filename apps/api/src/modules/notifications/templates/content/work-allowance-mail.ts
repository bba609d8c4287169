import type { WorkAllowanceData } from '../mail-data.js';
import { workReportUrl } from '../render/mail-links.js';
import type { MailContent } from './mail-content.js';
import { name, notificationFooter, type MailContext } from './mail-context.js';

// A contract's prepaid hours: for the staff who manage contracts, so the links open the agent app.

const hours = (seconds: number, lang: string) =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(seconds / 3600);

export function workAllowanceMail(d: WorkAllowanceData, ctx: MailContext): MailContent {
  const texts = ctx.t.work_allowance_reached;
  const contract = name(d.contract.number, '—');
  const period = d.periodEnd ? `${d.periodStart} – ${d.periodEnd}` : `${d.periodStart} –`;
  return {
    subject: texts.subject(contract, d.threshold),
    heading: texts.heading(d.threshold),
    blocks: [
      { type: 'paragraph', text: texts.intro(d.threshold) },
      {
        type: 'facts',
        rows: [
          { label: texts.contract, value: `${contract} ${name(d.contract.title, '')}`.trim() },
          { label: texts.organization, value: name(d.organizationName, '—') },
          { label: texts.period, value: period },
          {
            label: texts.used,
            value: texts.hours(hours(d.usedSeconds, ctx.lang), hours(d.allowanceSeconds, ctx.lang)),
          },
        ],
      },
      {
        type: 'actions',
        actions: [
          {
            label: texts.action,
            url: workReportUrl(ctx.links.publicUrl, d.contract.id),
            primary: true,
          },
        ],
      },
    ],
    reason: texts.reason,
    footerLinks: notificationFooter('work_allowance_reached', 'staff', ctx),
  };
}

/** The SMS line: the subject says it all. */
export function workAllowanceSms(d: WorkAllowanceData, ctx: Pick<MailContext, 't'>): string {
  return ctx.t.work_allowance_reached.subject(name(d.contract.number, '—'), d.threshold);
}
