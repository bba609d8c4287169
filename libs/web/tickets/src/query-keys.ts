/**
 * The React Query keys of ticket data, shared by both SPAs (each app's `query-keys.ts` spreads
 * them into its own), so the shared hooks and the apps' own invalidations agree.
 */
export const ticketQueryKeys = {
  tickets: {
    all: ['tickets'] as const,
    list: (params: Record<string, unknown>) => ['tickets', 'list', params] as const,
    counts: ['tickets', 'counts'] as const,
    detail: (number: number) => ['tickets', 'detail', number] as const,
    comments: (id: string) => ['tickets', 'comments', id] as const,
    history: (id: string) => ['tickets', 'history', id] as const,
    transitions: (id: string) => ['tickets', 'transitions', id] as const,
    attachments: (id: string) => ['tickets', 'attachments', id] as const,
    links: (id: string) => ['tickets', 'links', id] as const,
    search: (q: string) => ['tickets', 'search', q] as const,
  },
  ticketTypes: ['ticket-types'] as const,
  categories: ['categories'] as const,
};
