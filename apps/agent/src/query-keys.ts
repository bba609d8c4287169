/** Every React Query key of the app, in one place, so invalidation cannot miss a query. */
export const queryKeys = {
  me: ['me'] as const,
  tickets: {
    all: ['tickets'] as const,
    list: (params: Record<string, unknown>) => ['tickets', 'list', params] as const,
    counts: ['tickets', 'counts'] as const,
    detail: (number: number) => ['tickets', 'detail', number] as const,
    comments: (id: string) => ['tickets', 'comments', id] as const,
    history: (id: string) => ['tickets', 'history', id] as const,
    transitions: (id: string) => ['tickets', 'transitions', id] as const,
    attachments: (id: string) => ['tickets', 'attachments', id] as const,
  },
  ticketTypes: ['ticket-types'] as const,
  workflows: ['workflows'] as const,
  directory: {
    users: (params: Record<string, unknown>) => ['directory', 'users', params] as const,
    organizations: (params: Record<string, unknown>) =>
      ['directory', 'organizations', params] as const,
    departments: (params: Record<string, unknown>) => ['directory', 'departments', params] as const,
    groups: (params: Record<string, unknown>) => ['directory', 'groups', params] as const,
  },
};
