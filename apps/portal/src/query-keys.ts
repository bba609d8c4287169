/** Every React Query key of the portal, in one place, so invalidation cannot miss a query. */
export const queryKeys = {
  tickets: {
    all: ['tickets'] as const,
    list: (params: Record<string, unknown>) => ['tickets', 'list', params] as const,
    detail: (number: number) => ['tickets', 'detail', number] as const,
    comments: (id: string) => ['tickets', 'comments', id] as const,
    transitions: (id: string) => ['tickets', 'transitions', id] as const,
    attachments: (id: string) => ['tickets', 'attachments', id] as const,
  },
  ticketTypes: ['ticket-types'] as const,
  categories: ['categories'] as const,
};
