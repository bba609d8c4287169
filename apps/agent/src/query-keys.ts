import { ticketQueryKeys } from '@relaydesk/web-tickets';

/** Every React Query key of the app, in one place, so invalidation cannot miss a query. */
export const queryKeys = {
  me: ['me'] as const,
  // tickets, ticketTypes, categories: the keys of the shared ticket hooks.
  ...ticketQueryKeys,
  projects: {
    all: ['projects'] as const,
    list: (params: Record<string, unknown>) => ['projects', 'list', params] as const,
    watchers: (id: string) => ['projects', 'watchers', id] as const,
    detail: (id: string) => ['projects', 'detail', id] as const,
  },
  workflows: ['workflows'] as const,
  // Administration: under the same prefixes, so invalidating `workflows`, `ticketTypes` or
  // `categories` after a change refreshes the admin screens and the ticket screens alike.
  workflowAdmin: {
    detail: (id: string) => ['workflows', 'detail', id] as const,
    presets: ['workflows', 'presets'] as const,
  },
  ticketTypeAdmin: {
    list: ['ticket-types', 'admin'] as const,
    detail: (id: string) => ['ticket-types', 'admin', id] as const,
  },
  categoryAdmin: { list: ['categories', 'admin'] as const },
  reports: {
    satisfaction: (params: Record<string, unknown>) => ['reports', 'satisfaction', params] as const,
    supportLevels: (params: Record<string, unknown>) =>
      ['reports', 'support-levels', params] as const,
    kbDeflections: (params: Record<string, unknown>) =>
      ['reports', 'kb-deflections', params] as const,
  },
  workLog: {
    all: ['work-log'] as const,
    ticket: (id: string) => ['work-log', 'ticket', id] as const,
    items: (active?: boolean) => ['work-log', 'items', active ?? 'all'] as const,
    timer: ['work-log', 'timer'] as const,
    report: (params: Record<string, unknown>) => ['work-log', 'report', params] as const,
    usage: (contractId: string) => ['work-log', 'usage', contractId] as const,
    /** The files of a ticket's work entries (under `all`: an entry's delete refetches them). */
    files: (ticketId: string) => ['work-log', 'files', ticketId] as const,
  },
  contractDocuments: {
    list: (contractId: string, withDeleted: boolean) =>
      ['contract-documents', contractId, withDeleted] as const,
    contract: (contractId: string) => ['contract-documents', contractId] as const,
  },
  serviceProtocol: {
    workLogSettings: ['work-log', 'settings'] as const,
    installation: ['installation', 'settings'] as const,
  },
  notifications: {
    all: ['notifications'] as const,
    unreadCount: ['notifications', 'unread-count'] as const,
    list: ['notifications', 'list'] as const,
    defaults: ['notification-defaults'] as const,
  },
  sla: {
    calendars: ['sla', 'calendars'] as const,
    policies: ['sla', 'policies'] as const,
  },
  assignmentRules: ['assignment-rules'] as const,
  alertRules: ['alert-rules'] as const,
  deputies: {
    all: ['deputies'] as const,
    mine: (as: 'principal' | 'deputy') => ['deputies', 'me', as] as const,
  },
  calendarFeed: ['calendar-feed'] as const,
  mail: {
    all: ['mail'] as const,
    ticket: (ticketId: string) => ['mail', 'ticket', ticketId] as const,
    settings: ['mail', 'settings'] as const,
    admin: (status: string) => ['mail', 'admin', status] as const,
  },
  webForm: {
    settings: ['web-form', 'settings'] as const,
  },
  visibility: {
    settings: ['visibility', 'settings'] as const,
  },
  cannedResponses: {
    all: ['canned-responses'] as const,
    list: (params: Record<string, unknown>) => ['canned-responses', 'list', params] as const,
    forTicket: (ticketId: string, q: string) =>
      ['canned-responses', 'ticket', ticketId, q] as const,
  },
  // Knowledge-base editing; reading keys are @relaydesk/web-kb's kbQueryKeys.
  kbEditing: {
    revisions: (id: string) => ['kb-editing', 'revisions', id] as const,
    revision: (id: string, n: number) => ['kb-editing', 'revisions', id, n] as const,
    diff: (id: string, from: number, to: number) =>
      ['kb-editing', 'revisions', id, 'diff', from, to] as const,
    tickets: (id: string) => ['kb-editing', 'tickets', id] as const,
    preview: (body: string) => ['kb-editing', 'preview', body] as const,
  },
  // The knowledge base on a ticket page: articles for a reply (under `kb`, so any KB change
  // refreshes them).
  kbTicket: {
    replySuggestions: (ticketId: string, q: string) =>
      ['kb', 'reply-suggestions', ticketId, q] as const,
  },
  // Knowledge-base administration (sections are read through @relaydesk/web-kb's keys).
  kbAdmin: {
    settings: ['kb-admin', 'settings'] as const,
    // Under one prefix: the queue at any interval and the badge's count change together.
    reviewQueueAll: ['kb-admin', 'review-queue'] as const,
    reviewQueue: (months: number | null) => ['kb-admin', 'review-queue', 'list', months] as const,
    reviewCount: ['kb-admin', 'review-queue', 'count'] as const,
    ratings: (articleId: string) => ['kb-admin', 'ratings', articleId] as const,
  },
  mailQuarantine: {
    all: ['mail-quarantine'] as const,
    list: ['mail-quarantine', 'list'] as const,
    detail: (id: string) => ['mail-quarantine', 'detail', id] as const,
    ticket: (ticketId: string) => ['mail-quarantine', 'ticket', ticketId] as const,
  },
  serviceAccounts: {
    all: ['service-accounts'] as const,
    list: (params: Record<string, unknown>) => ['service-accounts', 'list', params] as const,
    tokens: (id: string) => ['service-accounts', 'tokens', id] as const,
  },
  mailboxes: {
    all: ['mailboxes'] as const,
    list: ['mailboxes', 'list'] as const,
    failed: (id: string) => ['mailboxes', 'failed', id] as const,
  },
  webhooks: {
    all: ['webhooks'] as const,
    list: ['webhooks', 'list'] as const,
    deliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
  },
  directory: {
    users: (params: Record<string, unknown>) => ['directory', 'users', params] as const,
    organizations: (params: Record<string, unknown>) =>
      ['directory', 'organizations', params] as const,
    departments: (params: Record<string, unknown>) => ['directory', 'departments', params] as const,
    groups: (params: Record<string, unknown>) => ['directory', 'groups', params] as const,
    user: (id: string) => ['directory', 'user', id] as const,
    organization: (id: string) => ['directory', 'organization', id] as const,
  },
};
