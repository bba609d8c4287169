import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { loadAuthUser } from '../../../common/auth/auth-user.sql.js';
import { sql } from '../../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import { LOCALES, type Locale } from '@relaydesk/contracts';
import { AuthorizedRequesters } from '../../contracts/index.js';
import { MailContacts } from '../../directory/index.js';
import { TicketsService } from '../../tickets/index.js';
import type { WebFormConfirmationDto } from './dto/web-form-public.dto.js';
import { ConfirmationExpiredError } from './web-form.errors.js';
import { WebFormFiles } from './web-form-files.js';
import { WebFormSettingsService } from './web-form-settings.service.js';
import {
  hashConfirmationToken,
  mayFile,
  WebFormSubmissionsService,
} from './web-form-submissions.service.js';

interface PendingRow {
  id: string;
  email: string;
  name: string;
  subject: string;
  description: string;
  type_id: string | null;
  locale: string;
  expires_at: Date;
  confirmed_at: Date | null;
  ticket_number: number | null;
}

/**
 * Following the mailed link: the sender's address is proven, so the contact and the ticket are
 * created, exactly once. The submission row is locked for the transaction: a second click, in this
 * or another instance, waits for the first and then finds it confirmed.
 */
@Injectable()
export class WebFormConfirmationsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly settings: WebFormSettingsService,
    private readonly submissions: WebFormSubmissionsService,
    private readonly tickets: TicketsService,
    private readonly contacts: MailContacts,
    private readonly requesters: AuthorizedRequesters,
    private readonly files: WebFormFiles,
  ) {}

  async confirm(token: string): Promise<WebFormConfirmationDto> {
    const stored: string[] = [];
    try {
      return await this.confirmIn(token, stored);
    } catch (e) {
      await this.files.discard(stored);
      throw e;
    }
  }

  private confirmIn(token: string, stored: string[]): Promise<WebFormConfirmationDto> {
    return this.db.transaction(async (em) => {
      const now = this.clock.now();
      const [row] = await sql<PendingRow>(
        em,
        `SELECT id, email, name, subject, description, type_id, locale, expires_at, confirmed_at,
                ticket_number
           FROM web_form_submissions WHERE token_hash = $1 FOR UPDATE`,
        [hashConfirmationToken(token)],
      );
      if (!row) throw new NotFoundError('Confirmation link');
      if (row.confirmed_at) return { status: 'already_confirmed', ticketNumber: row.ticket_number };
      if (row.expires_at <= now) throw new ConfirmationExpiredError();

      const contact = await loadAuthUser(em, await this.contactId(em, row), now);
      if (!contact || contact.role !== 'client') {
        // Staff and deactivated people have their own ways in; the form does not file for them.
        throw new BusinessRuleError(
          'Requests from this address cannot be filed through the form; please contact us directly',
        );
      }
      if (!(await mayFile(em, this.requesters, contact))) {
        throw new BusinessRuleError(
          'Your organization lets only named people file requests; please ask one of them, or your administrator',
        );
      }
      const settings = await this.settings.current(em);
      const typeId = await this.submissions.offeredType(em, settings, row.type_id, false);
      const ticket = await this.tickets.create(
        contact,
        {
          subject: row.subject,
          description: row.description,
          typeId: typeId ?? undefined,
          priority: settings.defaultPriority ?? undefined,
        },
        { em, channel: 'web_form', defaultGroupId: settings.defaultGroupId },
      );
      stored.push(
        ...(await this.files.attach(em, ticket.id, contact.id, await this.files.kept(em, row.id))),
      );
      // The files live on the ticket now; the request keeps only what a second click needs.
      await em.query('DELETE FROM web_form_files WHERE submission_id = $1', [row.id]);
      await em.query(
        `UPDATE web_form_submissions SET confirmed_at = $2, ticket_id = $3, ticket_number = $4
          WHERE id = $1`,
        [row.id, now, ticket.id, ticket.number],
      );
      return { status: 'confirmed', ticketNumber: ticket.number };
    });
  }

  /**
   * The person behind the address: the existing user, or a new client contact (of the one active
   * organization that allows the address's domain, else of none; staff attach them later). The
   * directory creates it, and its welcome mail lets them follow the ticket in the portal. The
   * lock makes two confirmations for one new address create one contact.
   */
  private async contactId(em: EntityManager, row: PendingRow): Promise<string> {
    await em.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('relaydesk:contact:' || lower($1), 0))`,
      [row.email],
    );
    const existing = await this.contacts.findByEmail(em, row.email);
    if (existing) return existing.id;
    const domain = row.email.slice(row.email.lastIndexOf('@') + 1);
    const organization = await this.contacts.organizationForDomain(em, domain);
    return this.contacts.create(
      em,
      {
        email: row.email,
        name: row.name,
        organizationId: organization?.id ?? null,
        locale: (LOCALES as readonly string[]).includes(row.locale) ? (row.locale as Locale) : 'en',
      },
      null,
    );
  }
}
