import type { MailDataByKind } from '../mail-data.js';
import { between } from '../render/date-format.js';
import { kbArticleUrl, kbSolvedUrl } from '../render/mail-links.js';
import { multiline, oneLine } from '../render/plain-text.js';
import type { Fact, MailBlock } from './mail-content.js';
import {
  actorFact,
  duration,
  name,
  openTicket,
  ticketFacts,
  when,
  type MailContext,
} from './mail-context.js';
import { actions, facts, group, paragraph, type TicketTemplate } from './ticket-template.js';

// A ticket's life as its people hear of it: filed (to the requester, with the promised times),
// new to the desk, assigned and unassigned, escalated, reopened.

/** The automatic answer: each article with its link and "This solved my problem". */
function autoAnswerBlocks(d: MailDataByKind['ticket_acknowledged'], ctx: MailContext): MailBlock[] {
  const articles = d.audience === 'client' ? (d.articles ?? []).slice(0, 3) : [];
  if (!articles.length) return [];
  const { t } = ctx;
  return [
    paragraph(t.ticket_acknowledged.articlesIntro),
    ...articles.flatMap((a) => [
      paragraph(oneLine(a.title, 300)),
      actions(
        { label: t.ticket_acknowledged.readArticle, url: kbArticleUrl(ctx.links.publicUrl, a.id) },
        ...(d.articlesClosable
          ? [
              {
                label: t.ticket_acknowledged.solved,
                url: kbSolvedUrl(ctx.links.publicUrl, d.ticket.number, a.id),
              },
            ]
          : []),
      ),
    ]),
    ...(d.articlesClosable ? [paragraph(t.ticket_acknowledged.solvedHint)] : []),
  ];
}

export const ticketAcknowledged: TicketTemplate<'ticket_acknowledged'> = {
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
        ...autoAnswerBlocks(d, ctx),
      ],
    };
  },
};

export const ticketNew: TicketTemplate<'ticket_new'> = {
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

export const ticketAssigned: TicketTemplate<'ticket_assigned'> = {
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

export const ticketUnassigned: TicketTemplate<'ticket_unassigned'> = {
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

export const ticketEscalated: TicketTemplate<'ticket_escalated'> = {
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

export const ticketReopened: TicketTemplate<'ticket_reopened'> = {
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
