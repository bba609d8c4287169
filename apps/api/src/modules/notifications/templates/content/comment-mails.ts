import { multiline } from '../render/plain-text.js';
import { name, openTicket, ticketFacts } from './mail-context.js';
import { actions, facts, type TicketTemplate } from './ticket-template.js';

// A comment is shown as its author wrote it; an internal note is marked staff-only at the top.

export const commentPublic: TicketTemplate<'comment_public'> = {
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

export const commentInternal: TicketTemplate<'comment_internal'> = {
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
