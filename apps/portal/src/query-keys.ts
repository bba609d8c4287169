import { ticketQueryKeys } from '@relaydesk/web-tickets';

/** Every React Query key of the portal, in one place, so invalidation cannot miss a query. */
export const queryKeys = {
  // tickets, ticketTypes, categories: the keys of the shared ticket hooks.
  ...ticketQueryKeys,
  myProjects: ['me', 'projects'] as const,
  notifications: {
    all: ['notifications'] as const,
    unreadCount: ['notifications', 'unread-count'] as const,
    list: ['notifications', 'list'] as const,
  },
};
