import { useTranslation } from 'react-i18next';
import { useUser } from '@relaydesk/web-auth';
import { TicketWatchersCard, WatcherCandidatePicker } from '@relaydesk/web-tickets';

/**
 * Watch or stop watching the ticket; a contact who sees the organization's tickets may also add
 * colleagues who can see it and take them off the list. Clients see client watchers only (the
 * API's rule).
 */
export function TicketWatchers({ ticketId }: { ticketId: string }) {
  const me = useUser();
  const { t } = useTranslation('watchers');
  return (
    <TicketWatchersCard
      ticketId={ticketId}
      canRemove={(w) =>
        w.user.id === me.id || (me.canViewOrganizationTickets && w.kind === 'client')
      }
      picker={
        me.canViewOrganizationTickets
          ? (add, error) => (
              <WatcherCandidatePicker
                ticketId={ticketId}
                onPick={add}
                error={error}
                description={t('addColleagueHint')}
              />
            )
          : undefined
      }
    />
  );
}
