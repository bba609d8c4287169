import type { AuthUser } from '../../common/auth/auth-user.js';
import type { SqlParams } from '../../common/database/crud-sql.js';

/** Who is reading: a signed-in user, or nobody (the public KB). */
export type KbReader = AuthUser | null;
/**
 * What the rule reads of a reader: enough to apply it for someone who is not the caller (the
 * automatic answer picks articles for a new ticket's requester).
 */
export type KbAudienceReader = Pick<AuthUser, 'role' | 'organizationId'> | null;

/** Staff see every section and every article, drafts and archived ones included. */
export function isKbStaff<R extends KbAudienceReader>(reader: R): reader is NonNullable<R> {
  return reader !== null && reader.role !== 'client';
}

/** Whether ONE section row (alias `s`) lets the reader in by itself, ignoring its ancestors. */
function sectionOpens(reader: KbAudienceReader, p: SqlParams, s: string): string {
  const publicOpen = `${s}.audience = 'public'`;
  // Anonymous readers need the installation's switch; read in the statement, so a change holds
  // on every instance from the next request.
  if (reader === null) {
    return `(${publicOpen} AND (SELECT ks.public_enabled FROM kb_settings ks WHERE ks.id = 1))`;
  }
  const restricted = `EXISTS (SELECT 1 FROM kb_section_organizations so WHERE so.section_id = ${s}.id)`;
  const ownOrganization = `EXISTS (SELECT 1 FROM kb_section_organizations so
                                    WHERE so.section_id = ${s}.id AND so.organization_id = ${p.add(reader.organizationId)}::uuid)`;
  return `(${publicOpen} OR (${s}.audience = 'clients' AND (NOT ${restricted} OR ${ownOrganization})))`;
}

/**
 * THE rule for which sections a reader sees, as one SQL condition on a `kb_sections` alias: the
 * section and every section above it (its `path`) must let the reader in. Staff: everything.
 */
export function kbSectionVisibility(reader: KbAudienceReader, p: SqlParams, alias = 's'): string {
  if (isKbStaff(reader)) return 'TRUE';
  return `NOT EXISTS (SELECT 1 FROM kb_sections anc
                       WHERE anc.id = ANY(${alias}.path) AND NOT ${sectionOpens(reader, p, 'anc')})`;
}

/**
 * THE rule for which articles a reader sees, as one SQL condition on a `kb_articles` alias.
 * List, article, search, type-ahead, suggestions, ratings and ticket links all filter through
 * it, so no path shows what another hides; what it excludes is a 404. Readers other than staff
 * see published articles only. The visible sections are one small uncorrelated subquery, which
 * PostgreSQL runs once per statement (a hashed subplan), not once per article.
 */
export function kbArticleVisibility(reader: KbAudienceReader, p: SqlParams, alias = 'a'): string {
  if (isKbStaff(reader)) return 'TRUE';
  return `(${alias}.status = 'published' AND ${alias}.section_id IN
            (SELECT vs.id FROM kb_sections vs WHERE ${kbSectionVisibility(reader, p, 'vs')}))`;
}
