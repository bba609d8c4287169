import type { DeputyshipData } from '../mail-data.js';
import { between } from '../render/date-format.js';
import { settingsUrl } from '../render/mail-links.js';
import type { Fact, MailContent } from './mail-content.js';
import { duration, name, notificationFooter, when, type MailContext } from './mail-context.js';

// Deputyships are between staff members: the links open the agent app, where the profile page
// lists them.

function people(d: DeputyshipData, ctx: MailContext): Fact[] {
  return [
    { label: ctx.t.labels.principal, value: name(d.principal.name, '—') },
    { label: ctx.t.labels.deputy, value: name(d.deputy.name, '—') },
  ];
}

/** An open-ended deputyship that starts runs "until further notice"; one that ended just ended. */
function period(d: DeputyshipData, ctx: MailContext, started: boolean): Fact[] {
  const { t } = ctx;
  const rows: Fact[] = [];
  if (d.startsAt) rows.push({ label: t.labels.from, value: when(d.startsAt, ctx, d.timeZone) });
  if (d.endsAt) rows.push({ label: t.labels.until, value: when(d.endsAt, ctx, d.timeZone) });
  else if (started) rows.push({ label: t.labels.until, value: t.common.untilFurtherNotice });
  const ms = between(d.startsAt, d.endsAt);
  if (ms !== null && ms > 0) rows.push({ label: t.labels.length, value: duration(ms, ctx) });
  return rows;
}

export function deputyshipMail(
  kind: 'deputyship_started' | 'deputyship_ended',
  d: DeputyshipData,
  ctx: MailContext,
): MailContent {
  const { t } = ctx;
  const texts = t[kind];
  const principal = name(d.principal.name, '—');
  const deputy = name(d.deputy.name, '—');
  const intro =
    kind === 'deputyship_started'
      ? t.deputyship_started.intro
      : d.reason === 'ended'
        ? t.deputyship_ended.ended
        : d.reason === 'expired'
          ? t.deputyship_ended.expired
          : t.deputyship_ended.over;
  return {
    subject: texts.subject(principal, deputy),
    heading: texts.heading,
    blocks: [
      { type: 'paragraph', text: intro },
      {
        type: 'facts',
        rows: [...people(d, ctx), ...period(d, ctx, kind === 'deputyship_started')],
      },
      {
        type: 'actions',
        actions: [
          { label: texts.action, url: settingsUrl(ctx.links.publicUrl, 'staff'), primary: true },
        ],
      },
    ],
    reason: texts.reason,
    footerLinks: notificationFooter(kind, 'staff', ctx),
  };
}

/** The SMS line: the subject says it all. */
export function deputyshipSms(
  kind: 'deputyship_started' | 'deputyship_ended',
  d: DeputyshipData,
  ctx: Pick<MailContext, 't'>,
): string {
  return ctx.t[kind].subject(name(d.principal.name, '—'), name(d.deputy.name, '—'));
}
