import type { StringsFiles } from '@relaydesk/web-ui';

/**
 * The portal's strings, one file per language and namespace (`en/ticket-work.ts` is the
 * namespace `ticketWork`): English is the source of truth, `ru` and `cs` are typed against it.
 * Each file is a chunk of its own, fetched for the active language only.
 */
export const portalStrings: StringsFiles = import.meta.glob('./*/*.ts');

/** Besides `common`, what the sign-in form shows. */
export const SIGN_IN_NAMESPACES = ['layout'];

/** Fetched with the portal's chunk (in parallel); `ticketWork` comes when a page needs it. */
export const APP_NAMESPACES = ['tickets'];
