import { useTranslation } from 'react-i18next';
import { TicketWatchersCard } from '@relaydesk/web-tickets';
import type { Ticket } from '../../api';
import { preloadStrings } from '../../../../lazy-strings';
import { UserPicker } from '../pickers';

preloadStrings(['watchers']);

/**
 * The ticket's watchers: staff remove anyone and add anyone active who can see the ticket (the
 * API refuses the others with the reason, shown under the picker).
 */
export function WatchersCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('watchers');
  return (
    <TicketWatchersCard
      ticketId={ticket.id}
      canRemove={() => true}
      picker={(add, error) => (
        <UserPicker
          label={t('add')}
          description={t('addHint')}
          value={null}
          onChange={(id) => id && add(id)}
          scope="any"
          error={error}
          data-testid="watcher-picker"
        />
      )}
    />
  );
}
