import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CustomFieldKind, Locale, TranslatedText } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../common/errors/domain-errors.js';
import { ticketVisibility } from '../tickets/index.js';
import {
  cannedVisibilityParams,
  cannedVisibilitySql,
  usesCannedResponses,
} from './canned-response-access.js';
import {
  CANNED_SELECT,
  CannedResponsesService,
  toCannedDto,
  type CannedRow,
} from './canned-responses.service.js';
import type {
  CannedResponseDto,
  RenderedCannedResponseDto,
  TicketCannedResponsesQueryDto,
} from './dto/canned-response.dto.js';
import { renderPlaceholders } from './placeholder-render.js';

/** What the rendered text may grow to: the comment it becomes has this limit. */
const RENDERED_MAX = 100_000;

interface TicketContext {
  number: string;
  subject: string;
  type_id: string | null;
  category_id: string | null;
  custom_fields: Record<string, unknown>;
  requester_name: string | null;
  requester_locale: Locale | null;
  organization_name: string | null;
}

interface FieldRow {
  key: string;
  kind: CustomFieldKind;
  options: { value: string; name: TranslatedText }[];
}

const YES_NO: Record<Locale, [string, string]> = {
  en: ['yes', 'no'],
  ru: ['да', 'нет'],
  cs: ['ano', 'ne'],
};

/** The composer's side: the templates that fit a ticket, and one filled in for it. */
@Injectable()
export class TicketCannedResponsesService {
  constructor(
    private readonly db: DataSource,
    private readonly responses: CannedResponsesService,
  ) {}

  /**
   * The templates the caller uses (global, their own, their groups'; not every group's even for
   * an admin), ranked: those whose hints name the ticket's type or category first, then those
   * in the requester's language, then the most used.
   */
  async suggest(
    user: AuthUser,
    ticketId: string,
    query: TicketCannedResponsesQueryDto,
  ): Promise<CannedResponseDto[]> {
    const ticket = await this.ticket(this.db.manager, user, ticketId);
    const params: unknown[] = [
      ...cannedVisibilityParams(user, false),
      ticket.type_id,
      ticket.category_id,
      ticket.requester_locale ?? user.locale,
      query.limit ?? 20,
    ];
    let search = '';
    if (query.q?.trim()) {
      params.push(query.q.trim().toLowerCase());
      search = ` AND strpos(lower(c.title || ' ' || c.body), $${params.length}) > 0`;
    }
    const rows = await sql<CannedRow>(
      this.db,
      `${CANNED_SELECT}
        WHERE ${cannedVisibilitySql(1)}${search}
        ORDER BY ($4::uuid = ANY(c.type_ids) OR $5::uuid = ANY(c.category_ids)) DESC,
                 (c.language = $6) DESC, c.usage_count DESC, c.title, c.id
        LIMIT $7`,
      params,
    );
    return rows.map((r) => toCannedDto(r, user));
  }

  /**
   * Fills the template for the ticket and counts the use: the composer inserts what this
   * returns. The count is one UPDATE of its own column (no version, no updated_at), so using a
   * template never conflicts with someone editing it.
   */
  async render(
    user: AuthUser,
    ticketId: string,
    cannedId: string,
  ): Promise<RenderedCannedResponseDto> {
    const em = this.db.manager;
    const ticket = await this.ticket(em, user, ticketId);
    const template = await this.responses.visibleRow(em, user, cannedId);
    const values = await this.values(em, user, ticket, template.language);
    const out = renderPlaceholders(template.body, values);
    if (out.body.length > RENDERED_MAX) {
      throw new BusinessRuleError('The filled text is longer than a comment may be', [
        {
          field: 'body',
          message: `would be ${out.body.length} characters (at most ${RENDERED_MAX})`,
        },
      ]);
    }
    await em.query('UPDATE canned_responses SET usage_count = usage_count + 1 WHERE id = $1', [
      cannedId,
    ]);
    return out;
  }

  /** The ticket if the caller sees it (THE visibility rule); 404 otherwise. */
  private async ticket(
    em: EntityManager,
    user: AuthUser,
    ticketId: string,
  ): Promise<TicketContext> {
    if (!usesCannedResponses(user)) throw new NotFoundError('Ticket');
    const vis = ticketVisibility(user, 't');
    const row = await em
      .createQueryBuilder()
      .select([
        't.number::text AS number',
        't.subject AS subject',
        't.type_id AS type_id',
        't.category_id AS category_id',
        't.custom_fields AS custom_fields',
        'r.name AS requester_name',
        'r.locale AS requester_locale',
        'o.name AS organization_name',
      ])
      .from('tickets', 't')
      .leftJoin('users', 'r', 'r.id = t.requester_id')
      .leftJoin('organizations', 'o', 'o.id = t.organization_id')
      .where('t.id = :cannedTicketId', { cannedTicketId: ticketId })
      .andWhere(vis.sql, vis.params)
      .getRawOne<TicketContext>();
    if (!row) throw new NotFoundError('Ticket');
    return row;
  }

  /**
   * Every placeholder this ticket can fill. Custom fields are those of the ticket's type, shown
   * as people read them (an option's name, a user's or organization's name), in the template's
   * language. Staff-only fields fill too: only staff render (clients get 404 above).
   */
  private async values(
    em: EntityManager,
    user: AuthUser,
    ticket: TicketContext,
    language: Locale,
  ): Promise<Map<string, string | null>> {
    const values = new Map<string, string | null>([
      ['ticket.number', ticket.number],
      ['ticket.subject', ticket.subject],
      ['requester.name', ticket.requester_name],
      ['agent.name', user.name],
      ['organization.name', ticket.organization_name],
    ]);
    if (!ticket.type_id) return values;
    const fields = await sql<FieldRow>(
      em,
      'SELECT key, kind, options FROM ticket_type_fields WHERE type_id = $1',
      [ticket.type_id],
    );
    const raw = ticket.custom_fields ?? {};
    const ids = (kind: CustomFieldKind) =>
      fields
        .filter((f) => f.kind === kind && typeof raw[f.key] === 'string')
        .map((f) => raw[f.key] as string);
    const names = new Map<string, string>();
    for (const [table, kind] of [
      ['users', 'user'],
      ['organizations', 'organization'],
    ] as const) {
      const wanted = ids(kind);
      if (wanted.length === 0) continue;
      const rows = await sql<{ id: string; name: string }>(
        em,
        `SELECT id::text, name FROM ${table} WHERE id::text = ANY($1::text[])`,
        [wanted],
      );
      for (const r of rows) names.set(r.id, r.name);
    }
    for (const f of fields) {
      values.set(`custom.${f.key}`, show(f, raw[f.key], language, names));
    }
    return values;
  }
}

function show(
  field: FieldRow,
  value: unknown,
  language: Locale,
  names: ReadonlyMap<string, string>,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  const option = (v: unknown) => {
    const o = field.options.find((x) => x.value === v);
    return o ? (o.name[language] ?? o.name.en) : String(v);
  };
  switch (field.kind) {
    case 'select':
      return option(value);
    case 'multi_select':
      return Array.isArray(value) ? value.map(option).join(', ') || null : option(value);
    case 'checkbox':
      return YES_NO[language][value === true ? 0 : 1];
    case 'user':
    case 'organization':
      return names.get(String(value)) ?? null;
    default:
      return String(value);
  }
}
