import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { UserCreated } from './events/user-created.event.js';

/**
 * An organization as sender authorization sees it. Who of it may file is the contracts module's
 * list of authorized requesters (`AuthorizedRequesters.mayFile`), not the directory's.
 */
export interface MailOrganization {
  id: string;
}

/**
 * The directory's side of tickets by mail: which organization allows a sender's domain, and the
 * contact a first mail (or an accepted quarantined one) creates. Users are the directory's rows, so they are written here.
 */
@Injectable()
export class MailContacts {
  constructor(
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  /** The active organization that allows the domain; null when none does, or several (ambiguous). */
  async organizationForDomain(em: EntityManager, domain: string): Promise<MailOrganization | null> {
    const rows = await sql<{ id: string }>(
      em,
      `SELECT id FROM organizations WHERE active AND $1 = ANY(mail_domains) LIMIT 2`,
      [domain.toLowerCase()],
    );
    return rows.length === 1 ? { id: rows[0].id } : null;
  }

  async organization(em: EntityManager, id: string): Promise<MailOrganization | null> {
    const [row] = await sql<{ id: string }>(em, `SELECT id FROM organizations WHERE id = $1`, [id]);
    return row ? { id: row.id } : null;
  }

  /** The user with this address (any role, active or not); citext: whatever its case. */
  async findByEmail(
    em: EntityManager,
    email: string,
  ): Promise<{ id: string; role: AuthUser['role']; active: boolean } | null> {
    const [row] = await sql<{ id: string; role: AuthUser['role']; active: boolean }>(
      em,
      `SELECT id, role, active FROM users WHERE email = $1::citext LIMIT 1`,
      [email.toLowerCase()],
    );
    return row ?? null;
  }

  /**
   * A client contact for a mail sender, in the caller's transaction. No password: UserCreated
   * makes the auth module mail a welcome link, as for a contact a dispatcher creates.
   * `actorId`: who accepted it (quarantine), or the new contact itself (an allowed domain).
   */
  async create(
    em: EntityManager,
    /** organizationId null: a contact of no organization yet (the web form's unknown sender). */
    contact: { email: string; name: string; organizationId: string | null; locale: Locale },
    actorId: string | null,
  ): Promise<string> {
    const now = this.clock.now();
    const name = contact.name.trim() || contact.email.split('@')[0];
    const [{ id }] = await sql<{ id: string }>(
      em,
      `INSERT INTO users (email, password_hash, name, locale, role, organization_id, active,
                          created_at, updated_at)
       VALUES ($1, NULL, $2, $3, 'client', $4, true, $5, $5) RETURNING id`,
      [
        contact.email.toLowerCase(),
        name.slice(0, 200),
        contact.locale,
        contact.organizationId,
        now,
      ],
    );
    await this.events.publish(em, new UserCreated(id, false, actorId ?? id, now));
    return id;
  }
}
