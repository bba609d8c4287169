import { decisionUrl } from '../render/mail-links.js';
import { multiline } from '../render/plain-text.js';
import type { MailBlock } from './mail-content.js';
import { actorFact, name, openTicket, ticketFacts } from './mail-context.js';
import { actions, facts, paragraph, type TicketTemplate } from './ticket-template.js';

// A status change a client cares about: a question for them (with the question), the solution
// (Accept / Reject on the portal, the rating link), the end; any other status by its name.

type StatusFlavour = 'pending' | 'resolved' | 'closed' | 'other';
const flavour = (category: string): StatusFlavour =>
  category === 'pending' || category === 'resolved' || category === 'closed' ? category : 'other';

export const statusChanged: TicketTemplate<'status_changed'> = {
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
