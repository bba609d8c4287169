import { useLiveEvents } from '@relaydesk/web-auth';
import { useTicketLiveInvalidation } from '@relaydesk/web-tickets';

/**
 * Live updates for the portal (mounted once, in the signed-in layout): a change the client may
 * see on one of their tickets refreshes its page and their lists at once.
 */
export function usePortalLiveUpdates(): void {
  useLiveEvents('portal', useTicketLiveInvalidation());
}
