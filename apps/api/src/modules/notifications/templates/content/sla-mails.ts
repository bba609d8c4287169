import { deadline, openTicket, ticketFacts } from './mail-context.js';
import { actions, facts, paragraph, type TicketTemplate } from './ticket-template.js';

// SLA clocks, to whoever owns the ticket (and a breach also to the supervisor): the deadline with
// the time left or overdue as it was when the event happened.

export const slaReminder: TicketTemplate<'sla_reminder'> = {
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

export const slaBreached: TicketTemplate<'sla_breached'> = {
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

export const slaEscalated: TicketTemplate<'sla_escalated'> = {
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
