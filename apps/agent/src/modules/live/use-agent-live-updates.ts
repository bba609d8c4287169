import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvents } from '@relaydesk/web-auth';
import { useTicketLiveInvalidation } from '@relaydesk/web-tickets';
import { queryKeys } from '../../query-keys';

/**
 * Live updates for the workspace (mounted once, in the signed-in layout): a ticket event
 * refreshes that ticket's page, the queues, their counts and Recent; a notification event sets
 * the bell's count; `reset` refreshes all of it.
 */
export function useAgentLiveUpdates(): void {
  const client = useQueryClient();
  const tickets = useTicketLiveInvalidation();
  useLiveEvents('agent', (event) => {
    tickets(event);
    if (event.type === 'notification') {
      client.setQueryData(queryKeys.notifications.unreadCount, event.data as { unread: number });
      void client.invalidateQueries({ queryKey: queryKeys.notifications.list });
    } else if (event.type === 'reset') {
      void client.invalidateQueries({ queryKey: queryKeys.notifications.all });
    }
  });
}
