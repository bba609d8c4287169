import { useUser } from '@relaydesk/web-auth';
import { TicketWatchersCard } from '@relaydesk/web-tickets';

/**
 * Watch or stop watching the ticket; a contact who sees the organization's tickets may also take
 * colleagues off the list. Clients see client watchers only (the API's rule).
 */
export function TicketWatchers({ ticketId }: { ticketId: string }) {
  const me = useUser();
  return (
    <TicketWatchersCard
      ticketId={ticketId}
      canRemove={(w) =>
        w.user.id === me.id || (me.canViewOrganizationTickets && w.kind === 'client')
      }
    />
  );
}
