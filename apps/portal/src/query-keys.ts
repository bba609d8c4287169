import { ticketQueryKeys } from '@relaydesk/web-tickets';

/** Every React Query key of the portal, in one place, so invalidation cannot miss a query. */
export const queryKeys = {
  // tickets, ticketTypes, categories: the keys of the shared ticket hooks.
  ...ticketQueryKeys,
  myProjects: ['me', 'projects'] as const,
  me: ['me'] as const,
  registers: {
    equipmentList: (query: object) => ['registers', 'equipment', 'list', query] as const,
    equipmentItem: (id: string) => ['registers', 'equipment', 'item', id] as const,
    equipmentOptions: (objectId: string) =>
      ['registers', 'equipment', 'options', objectId] as const,
    equipmentTypes: ['registers', 'equipment-types'] as const,
    serviceObjects: ['registers', 'service-objects', 'list'] as const,
    serviceObject: (id: string) => ['registers', 'service-objects', 'item', id] as const,
    contracts: ['registers', 'contracts'] as const,
    contractDocuments: (contractId: string) =>
      ['registers', 'contracts', 'documents', contractId] as const,
  },
  notifications: {
    all: ['notifications'] as const,
    unreadCount: ['notifications', 'unread-count'] as const,
    list: ['notifications', 'list'] as const,
  },
};
