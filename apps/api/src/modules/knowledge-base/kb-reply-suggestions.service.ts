import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain-errors.js';
import { httpConfig, InjectConfig, type HttpConfig } from '../../config/config-namespaces.js';
import { ticketVisibility } from '../tickets/index.js';
import type { KbSearchHitDto } from './dto/kb-search.dto.js';
import type { KbReplySuggestionDto, KbReplySuggestionsQueryDto } from './dto/kb-ticket.dto.js';
import { kbArticleVisibility, type KbAudienceReader } from './kb-audience.js';
import { KbSearchService } from './kb-search.service.js';

interface TicketRow {
  subject: string;
  description: string;
  requester_role: Role | null;
  requester_organization_id: string | null;
}

/**
 * Staff see drafts and archived articles in search; a reply offers published ones only, so the
 * search asks for more and keeps those (drafts are few next to what is published).
 */
const OVERFETCH = 4;

/**
 * Articles for the reply composer of one ticket: what its subject and description suggest, or
 * what the agent searches for; each says whether the ticket's REQUESTER may open it (THE
 * audience rule applied to them, so a staff-only article, or one for another organization, is
 * marked) and its portal address, built from PUBLIC_URL (never from the request's headers).
 */
@Injectable()
export class KbReplySuggestionsService {
  constructor(
    private readonly db: DataSource,
    private readonly search: KbSearchService,
    @InjectConfig(httpConfig) private readonly http: HttpConfig,
  ) {}

  async forTicket(
    user: AuthUser,
    ticketId: string,
    q: KbReplySuggestionsQueryDto,
  ): Promise<KbReplySuggestionDto[]> {
    const ticket = await this.visibleTicket(user, ticketId);
    if (user.role === 'client') {
      throw new ForbiddenError('Article suggestions for replies are for staff');
    }
    const limit = q.limit ?? 5;
    const words = q.q?.trim();
    const hits = words
      ? await this.search.search(user, { q: words, limit: Math.min(limit * OVERFETCH, 50) })
      : await this.search.suggestions(user, {
          text: `${ticket.subject}\n${ticket.description}`.slice(0, 2000),
          limit: limit * OVERFETCH,
        });
    const published = hits.filter((h) => h.status === 'published').slice(0, limit);
    const open = await this.openFor(requesterOf(ticket), published);
    const root = this.http.publicUrl.replace(/\/+$/, '');
    return published.map((h) => ({
      ...h,
      requesterCanOpen: open.has(h.id),
      portalUrl: `${root}/kb/articles/${h.id}`,
    }));
  }

  /** The ids among `hits` that the reader may open: one statement through THE audience rule. */
  private async openFor(reader: KbAudienceReader, hits: KbSearchHitDto[]): Promise<Set<string>> {
    if (hits.length === 0) return new Set();
    const p = new SqlParams();
    const rows = await sql<{ id: string }>(
      this.db,
      `SELECT a.id FROM kb_articles a
        WHERE a.id = ANY(${p.add(hits.map((h) => h.id))}::uuid[])
          AND ${kbArticleVisibility(reader, p, 'a')}`,
      p.values,
    );
    return new Set(rows.map((r) => r.id));
  }

  private async visibleTicket(user: AuthUser, ticketId: string): Promise<TicketRow> {
    const vis = ticketVisibility(user, 't');
    const row = await this.db
      .createQueryBuilder()
      .select([
        't.subject AS subject',
        't.description AS description',
        'r.role AS requester_role',
        'r.organization_id AS requester_organization_id',
      ])
      .from('tickets', 't')
      .leftJoin('users', 'r', 'r.id = t.requester_id')
      .where('t.id = :kbSuggestTicketId', { kbSuggestTicketId: ticketId })
      .andWhere(vis.sql, vis.params)
      .getRawOne<TicketRow>();
    if (!row) throw new NotFoundError('Ticket');
    return row;
  }
}

/** A ticket without a requester has nobody signed in to read: only the public KB opens. */
function requesterOf(t: TicketRow): KbAudienceReader {
  return t.requester_role
    ? { role: t.requester_role, organizationId: t.requester_organization_id }
    : null;
}
