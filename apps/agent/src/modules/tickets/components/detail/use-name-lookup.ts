import { useUser } from '@relaydesk/web-auth';
import { useGroups } from '../../../directory/hooks';
import type { Comment, Ticket, TicketEvent } from '../../api';

/**
 * Names for ids that history events carry (assignees, groups, requesters, organizations),
 * from what the page already has: the ticket's refs, event actors, comment authors, the
 * signed-in user and the (short) list of groups. Unknown ids show as a short id.
 */
export function useNameLookup(ticket: Ticket, events: TicketEvent[], comments: Comment[]) {
  const me = useUser();
  const groups = useGroups({ limit: 200 });
  const names = new Map<string, string>();
  const add = (ref: { id: string; name: string } | null | undefined) => {
    if (ref) names.set(ref.id, ref.name);
  };
  for (const g of groups.data?.items ?? []) add(g);
  for (const e of events) add(e.actor);
  for (const c of comments) add(c.author);
  add(me);
  add(ticket.assignee);
  add(ticket.requester);
  add(ticket.group);
  add(ticket.organization);
  return (id: string | null | undefined): string | null =>
    id ? (names.get(id) ?? `#${id.slice(0, 8)}`) : null;
}
