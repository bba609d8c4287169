/**
 * What a service account's API token may do (issue 15). A token request passes only endpoints
 * whose scope it holds; `admin` holds every scope. The account's role and groups still decide
 * what it sees: a scope opens a door, the visibility rule decides what is behind it.
 */
export const API_SCOPES = [
  'tickets:read',
  'tickets:write',
  'comments:write',
  'directory:read',
  'alerts:write',
  'inbound-mail:write',
  'admin',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** The prefix of every API token: `rd_` + random; recognisable to secret scanners. */
export const API_TOKEN_PREFIX = 'rd_';
