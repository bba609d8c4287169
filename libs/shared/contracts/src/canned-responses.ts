/**
 * Canned responses (issue 17): reply templates an agent inserts from the comment composer.
 * Both sides share the placeholder syntax, so the admin page's preview marks exactly what the
 * server fills.
 */
export const CANNED_RESPONSE_SCOPES = ['personal', 'group', 'global'] as const;
export type CannedResponseScope = (typeof CANNED_RESPONSE_SCOPES)[number];

/** Longest template body in characters (400 beyond it; a request over the JSON body limit is 413). */
export const CANNED_RESPONSE_BODY_MAX = 20_000;
/** Placeholders one template may hold; more is refused with 422. */
export const CANNED_RESPONSE_PLACEHOLDERS_MAX = 50;
export const CANNED_RESPONSE_TITLE_MAX = 200;
/** Ticket types or categories one template may name as hints. */
export const CANNED_RESPONSE_HINTS_MAX = 20;

/** The placeholders filled from the ticket and the inserting agent; `custom.<key>` besides. */
export const CANNED_RESPONSE_PLACEHOLDERS = [
  'ticket.number',
  'ticket.subject',
  'requester.name',
  'agent.name',
  'organization.name',
] as const;
export type CannedResponsePlaceholder = (typeof CANNED_RESPONSE_PLACEHOLDERS)[number];

/**
 * `{{ name }}`: letters, digits, `.`, `_` and `-`, at most 100 characters inside the braces.
 * One pass over the template: a filled value is never scanned again, so a subject that reads
 * `{{agent.name}}` stays text.
 */
export const CANNED_RESPONSE_PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z][A-Za-z0-9_.-]{0,99})\s*\}\}/g;

/** The names of the placeholders in a template, in order of first appearance. */
export function cannedResponsePlaceholders(body: string): string[] {
  const names = new Set<string>();
  for (const m of body.matchAll(CANNED_RESPONSE_PLACEHOLDER_PATTERN)) names.add(m[1]);
  return [...names];
}

/** Whether the server knows how to fill the placeholder (`custom.*` depends on the ticket). */
export function isKnownCannedPlaceholder(name: string): boolean {
  return (
    (CANNED_RESPONSE_PLACEHOLDERS as readonly string[]).includes(name) ||
    /^custom\.[A-Za-z0-9_-]{1,50}$/.test(name)
  );
}
