import type { MailMessages } from '../i18n/index.js';
import type { MailDataByKind } from '../mail-data.js';
import { between } from '../render/date-format.js';
import { decisionUrl } from '../render/mail-links.js';
import { multiline, oneLine } from '../render/plain-text.js';
import type { Fact, MailAction, MailBlock, MailContent } from './mail-content.js';
import {
  actorFact,
  deadline,
  duration,
  name,
  NAME_MAX,
  notificationFooter,
  openTicket,
  subjectLine,
  ticketFacts,
  when,
  type MailContext,
} from './mail-context.js';

type TicketKind =
  | 'ticket_acknowledged'
  | 'ticket_new'
  | 'ticket_assigned'
  | 'ticket_unassigned'
  | 'ticket_escalated'
  | 'comment_public'
  | 'comment_internal'
  | 'status_changed'
  | 'ticket_reopened'
  | 'sla_reminder'
  | 'sla_breached'
  | 'sla_escalated';

/**
 * A ticket mail: the verb goes into the subject ("[#1042] New reply: …") and the SMS
 * ("#1042 New reply: …"), the mail into both parts.
 */
export interface TicketTemplate<K extends TicketKind> {
  verb(d: MailDataByKind[K], t: MailMessages): string;
  mail(
    d: MailDataByKind[K],
    ctx: MailContext,
  ): Omit<MailContent, 'subject' | 'reason' | 'footerLinks'>;
  reason(t: MailMessages): string;
}

const facts = (...groups: Fact[][]): MailBlock => ({ type: 'facts', rows: groups.flat() });
const paragraph = (text: string): MailBlock => ({ type: 'paragraph', text });
const actions = (...list: MailAction[]): MailBlock => ({ type: 'actions', actions: list });
const group = (value: string) => oneLine(value, NAME_MAX) || '—';

type StatusFlavour = 'pending' | 'resolved' | 'closed' | 'other';
const flavour = (category: string): StatusFlavour =>
  category === 'pending' || category === 'resolved' || category === 'closed' ? category : 'other';

const ticketAcknowledged: TicketTemplate<'ticket_acknowledged'> = {
  verb: (_d, t) => t.ticket_acknowledged.subject,
  reason: (t) => t.ticket_acknowledged.reason,
  mail(d, ctx) {
    const { t } = ctx;
    const promised = (label: string, dueAt: string | null): Fact[] => {
      if (!dueAt) return [];
      const ms = between(d.occurredAt, dueAt);
      const at = when(dueAt, ctx, d.timeZone);
      const value =
        ms !== null && ms >= 60_000 ? `${at} (${t.common.within(duration(ms, ctx))})` : at;
      return [{ label, value }];
    };
    const promises = [
      ...promised(t.labels.firstResponseBy, d.firstResponseDueAt),
      ...promised(t.labels.resolutionBy, d.resolutionDueAt),
    ];
    const hours = d.workingHours ? oneLine(d.workingHours, 200) : '';
    if (!promises.length && hours) promises.push({ label: t.labels.workingHours, value: hours });
    return {
      heading: t.ticket_acknowledged.heading(d.ticket.number),
      blocks: [
        paragraph(t.ticket_acknowledged.intro),
        facts(ticketFacts(d, t), promises),
        ...(promises.length ? [] : [paragraph(t.ticket_acknowledged.noPromise)]),
        actions(openTicket(d, ctx, t.ticket_acknowledged.action)),
      ],
    };
  },
};

const ticketNew: TicketTemplate<'ticket_new'> = {
  verb: (_d, t) => t.ticket_new.subject,
  reason: (t) => t.ticket_new.reason,
  mail(d, ctx) {
    const { t } = ctx;
    const who: Fact[] = [];
    if (d.requesterName) who.push({ label: t.labels.requester, value: name(d.requesterName, '') });
    if (d.organizationName) {
      who.push({ label: t.labels.organization, value: name(d.organizationName, '') });
    }
    const description = multiline(d.description ?? '');
    return {
      heading: t.ticket_new.heading(d.ticket.number),
      blocks: [
        paragraph(t.ticket_new.intro),
        facts(ticketFacts(d, t), who),
        ...(description
          ? [{ type: 'quote', label: t.ticket_new.description, body: description } as const]
          : []),
        actions(openTicket(d, ctx)),
      ],
    };
  },
};

const ticketAssigned: TicketTemplate<'ticket_assigned'> = {
  verb: (d, t) =>
    !d.assigneeName && d.groupName
      ? t.ticket_assigned.subjectToGroup(group(d.groupName))
      : t.ticket_assigned.subjectToYou,
  reason: (t) => t.ticket_assigned.reason,
  mail(d, ctx) {
    const { t } = ctx;
    const rows: Fact[] = [];
    if (d.assigneeName) rows.push({ label: t.labels.assignee, value: name(d.assigneeName, '') });
    if (d.groupName) rows.push({ label: t.labels.group, value: group(d.groupName) });
    return {
      heading:
        !d.assigneeName && d.groupName
          ? t.ticket_assigned.headingToGroup(d.ticket.number, group(d.groupName))
          : t.ticket_assigned.headingToYou(d.ticket.number),
      blocks: [facts(ticketFacts(d, t), rows, [actorFact(d, t)]), actions(openTicket(d, ctx))],
    };
  },
};

const ticketUnassigned: TicketTemplate<'ticket_unassigned'> = {
  verb: (_d, t) => t.ticket_unassigned.subject,
  reason: (t) => t.ticket_unassigned.reason,
  mail(d, ctx) {
    const { t } = ctx;
    return {
      heading: t.ticket_unassigned.heading(d.ticket.number),
      blocks: [
        facts(
          ticketFacts(d, t),
          [{ label: t.labels.newAssignee, value: name(d.newAssigneeName, t.common.nobody) }],
          [actorFact(d, t)],
        ),
        actions(openTicket(d, ctx)),
      ],
    };
  },
};

const ticketEscalated: TicketTemplate<'ticket_escalated'> = {
  verb: (d, t) => t.ticket_escalated.subject(d.toLevel),
  reason: (t) => t.ticket_escalated.reason,
  mail(d, ctx) {
    const { t } = ctx;
    const level = d.fromLevel === null ? `${d.toLevel}` : `${d.fromLevel} → ${d.toLevel}`;
    return {
      heading: t.ticket_escalated.heading(d.ticket.number, d.toLevel),
      blocks: [
        facts(
          ticketFacts(d, t),
          [
            { label: t.labels.level, value: level },
            { label: t.labels.group, value: group(d.groupName) },
          ],
          [actorFact(d, t)],
        ),
        actions(openTicket(d, ctx)),
      ],
    };
  },
};

const commentPublic: TicketTemplate<'comment_public'> = {
  verb: (_d, t) => t.comment_public.subject,
  reason: (t) => t.comment_public.reason,
  mail(d, ctx) {
    const { t } = ctx;
    return {
      heading: t.comment_public.heading(d.ticket.number),
      blocks: [
        {
          type: 'quote',
          label: t.comment_public.wrote(name(d.authorName, t.common.someone)),
          body: multiline(d.body),
        },
        facts(ticketFacts(d, t)),
        actions(openTicket(d, ctx, t.comment_public.action)),
      ],
    };
  },
};

const commentInternal: TicketTemplate<'comment_internal'> = {
  verb: (_d, t) => t.comment_internal.subject,
  reason: (t) => t.comment_internal.reason,
  mail(d, ctx) {
    const { t } = ctx;
    return {
      heading: t.comment_internal.heading(d.ticket.number),
      blocks: [
        { type: 'notice', text: t.comment_internal.notice },
        {
          type: 'quote',
          label: t.comment_internal.wrote(name(d.authorName, t.common.someone)),
          body: multiline(d.body),
        },
        facts(ticketFacts(d, t)),
        actions(openTicket(d, ctx)),
      ],
    };
  },
};

const statusChanged: TicketTemplate<'status_changed'> = {
  verb(d, t) {
    const s = t.status_changed;
    switch (flavour(d.category)) {
      case 'pending':
        return s.subjectPending;
      case 'resolved':
        return s.subjectResolved;
      case 'closed':
        return s.subjectClosed;
      default:
        return s.subjectOther(name(d.ticket.statusName, '—'));
    }
  },
  reason: (t) => t.status_changed.reason,
  mail(d, ctx) {
    const { t } = ctx;
    const s = t.status_changed;
    const n = d.ticket.number;
    const kind = flavour(d.category);
    const question = multiline(d.question ?? '');
    const quote: MailBlock[] = question
      ? [{ type: 'quote', label: kind === 'pending' ? s.question : s.comment, body: question }]
      : [];
    const open = openTicket(d, ctx, s.action);
    const factsBlock = facts(ticketFacts(d, t), [actorFact(d, t)]);
    switch (kind) {
      case 'pending':
        return {
          heading: s.headingPending(n),
          blocks: [paragraph(s.pendingText), ...quote, factsBlock, actions(open)],
        };
      case 'resolved': {
        const { publicUrl } = ctx.links;
        const decide: MailBlock[] = d.acceptance
          ? [
              paragraph(s.acceptText),
              actions(
                { label: s.accept, url: decisionUrl(publicUrl, n, 'accept'), primary: true },
                { label: s.reject, url: decisionUrl(publicUrl, n, 'reject') },
              ),
            ]
          : [];
        const rate: MailBlock[] = d.ratingUrl
          ? [paragraph(s.rateText), actions({ label: s.rate, url: d.ratingUrl })]
          : [];
        return {
          heading: s.headingResolved(n),
          blocks: [
            paragraph(s.resolvedText),
            ...quote,
            ...decide,
            ...rate,
            factsBlock,
            actions({ ...open, primary: !d.acceptance }),
          ],
        };
      }
      case 'closed':
        return {
          heading: s.headingClosed(n),
          blocks: [paragraph(s.closedText), ...quote, factsBlock, actions(open)],
        };
      default:
        return {
          heading: s.headingOther(n, name(d.ticket.statusName, '—')),
          blocks: [...quote, factsBlock, actions(open)],
        };
    }
  },
};

const ticketReopened: TicketTemplate<'ticket_reopened'> = {
  verb: (_d, t) => t.ticket_reopened.subject,
  reason: (t) => t.ticket_reopened.reason,
  mail(d, ctx) {
    const { t } = ctx;
    return {
      heading: t.ticket_reopened.heading(d.ticket.number),
      blocks: [
        paragraph(t.ticket_reopened.intro),
        facts(ticketFacts(d, t), [actorFact(d, t)]),
        actions(openTicket(d, ctx)),
      ],
    };
  },
};

const slaReminder: TicketTemplate<'sla_reminder'> = {
  verb: (d, t) => t.sla_reminder.subject[d.clock],
  reason: (t) => t.sla_reminder.reason,
  mail(d, ctx) {
    const { t } = ctx;
    const share =
      d.reminderPercent === null || d.reminderPercent === undefined
        ? []
        : [
            paragraph(
              t.sla_reminder.passed[d.clock](
                new Intl.NumberFormat(ctx.lang, { style: 'percent' }).format(
                  d.reminderPercent / 100,
                ),
              ),
            ),
          ];
    return {
      heading: t.sla_reminder.heading[d.clock](d.ticket.number),
      blocks: [
        ...share,
        facts([{ label: t.labels.due, value: deadline(d.dueAt, d, ctx) }], ticketFacts(d, t)),
        actions(openTicket(d, ctx)),
      ],
    };
  },
};

const slaBreached: TicketTemplate<'sla_breached'> = {
  verb: (d, t) => t.sla_breached.subject[d.clock],
  reason: (t) => t.sla_breached.reason,
  mail(d, ctx) {
    const { t } = ctx;
    return {
      heading: t.sla_breached.heading[d.clock](d.ticket.number),
      blocks: [
        paragraph(t.sla_breached.intro[d.clock]),
        facts([{ label: t.labels.wasDue, value: deadline(d.dueAt, d, ctx) }], ticketFacts(d, t)),
        actions(openTicket(d, ctx)),
      ],
    };
  },
};

const slaEscalated: TicketTemplate<'sla_escalated'> = {
  verb: (d, t) => t.sla_escalated.subject[d.clock],
  reason: (t) => t.sla_escalated.reason,
  mail(d, ctx) {
    const { t } = ctx;
    return {
      heading: t.sla_escalated.heading[d.clock](d.ticket.number),
      blocks: [
        paragraph(t.sla_escalated.intro),
        facts([{ label: t.labels.wasDue, value: deadline(d.dueAt, d, ctx) }], ticketFacts(d, t)),
        actions(openTicket(d, ctx)),
      ],
    };
  },
};

export const TICKET_TEMPLATES: { [K in TicketKind]: TicketTemplate<K> } = {
  ticket_acknowledged: ticketAcknowledged,
  ticket_new: ticketNew,
  ticket_assigned: ticketAssigned,
  ticket_unassigned: ticketUnassigned,
  ticket_escalated: ticketEscalated,
  comment_public: commentPublic,
  comment_internal: commentInternal,
  status_changed: statusChanged,
  ticket_reopened: ticketReopened,
  sla_reminder: slaReminder,
  sla_breached: slaBreached,
  sla_escalated: slaEscalated,
};

export type { TicketKind };

/** The whole mail of a ticket kind: subject with the token, blocks, footer. */
export function ticketMail<K extends TicketKind>(
  kind: K,
  d: MailDataByKind[K],
  ctx: MailContext,
): MailContent {
  const template = TICKET_TEMPLATES[kind] as TicketTemplate<K>;
  return {
    subject: subjectLine(oneLine(template.verb(d, ctx.t), 120), d, ctx.t),
    ...template.mail(d, ctx),
    reason: template.reason(ctx.t),
    footerLinks: notificationFooter(kind, d.audience, ctx),
  };
}
