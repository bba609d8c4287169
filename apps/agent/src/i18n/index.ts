import type { StringsFiles } from '@relaydesk/web-ui';

/**
 * The workspace's strings, one file per language and namespace (`en/ticket-list.ts` is the
 * namespace `ticketList`): English is the source of truth, `ru` and `cs` are typed against it.
 * Each file is a chunk of its own, fetched for the active language only.
 */
export const agentStrings: StringsFiles = import.meta.glob('./*/*.ts');

/** Besides `common`, what the sign-in form shows. */
export const SIGN_IN_NAMESPACES = ['layout'];

/**
 * Fetched with the workspace's chunk (in parallel): the ticket list and what it shares with the
 * ticket page and forms. Screens loaded on demand (calendar, administration, profile,
 * reports) fetch theirs when they load: their components suspend until their namespaces are
 * there, and `preloadStrings` starts what they need deeper down early.
 */
export const WORKSPACE_NAMESPACES = [
  'ticketList',
  'ticketDetail',
  'ticketWork',
  'slaClock',
  'queueSubjects',
];
