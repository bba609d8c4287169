import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale } from '@relaydesk/contracts';
import {
  httpConfig,
  InjectConfig,
  mailConfig,
  type HttpConfig,
  type MailConfig,
} from '../../../config/config-namespaces.js';
import { loadAuthUser } from '../../../common/auth/auth-user.sql.js';
import { sql } from '../../../common/database/sql.js';
import {
  BusinessRuleError,
  NotFoundError,
  TooManyRequestsError,
} from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { AuthorizedRequesters } from '../../contracts/index.js';
import { AccountMailOutbox } from '../../notifications/index.js';
import { TicketsService } from '../../tickets/index.js';
import type {
  WebFormSubmissionDto,
  WebFormSubmissionResultDto,
} from './dto/web-form-public.dto.js';
import type { WebFormSettings } from './entities/web-form-settings.entity.js';
import { FormTokens } from './form-token.js';
import { FormTokenRefusedError } from './web-form.errors.js';
import { WebFormFiles, type FormFile } from './web-form-files.js';
import { MAILBOX_KEY_SQL, mailboxKey, networkKey } from './web-form-keys.js';
import { WebFormSettingsService } from './web-form-settings.service.js';
import { WEB_FORM_THROTTLERS, WebFormThrottle } from './web-form-throttle.js';

/** How long a confirmation link works. */
export const CONFIRMATION_TTL_MS = 48 * 3_600_000;
/**
 * Confirmation mails to one mailbox (however spelled: case, `+tag`) per hour, whatever the
 * admin's throttles say: the form must never become a relay for flooding someone's mailbox
 * (Zendesk 2025, shared/email notes §4). WEB_FORM_CONFIRMATIONS_PER_HOUR caps them all.
 */
export const MAX_CONFIRMATION_MAILS_PER_HOUR = 3;

/**
 * CDESK's authorized requesters (the contracts module's list; the form names no contract). The
 * form answers an unauthorized contact like an unknown sender (nothing is told to whoever typed
 * the address); the confirmation then refuses with a message for the mailbox's owner.
 */
export async function mayFile(
  em: EntityManager,
  requesters: AuthorizedRequesters,
  contact: AuthUser,
): Promise<boolean> {
  if (!contact.organizationId) return true;
  return requesters.mayFile(contact.id, contact.organizationId, null, em);
}

export function hashConfirmationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A submission that passed the checks, as the ticket will be filed. */
export interface FormRequest {
  email: string;
  name: string;
  subject: string;
  description: string;
  typeId: string | null;
  locale: Locale;
}

/** The one answer to every accepted submission (and to the honeypot): "check your mail". */
const ACCEPTED: WebFormSubmissionResultDto = { status: 'accepted' };

/**
 * A submission of the public form. The checks run cheapest first and the answers give a bot
 * nothing to learn from: a filled honeypot is answered like a real request and leaves no trace.
 */
@Injectable()
export class WebFormSubmissionsService {
  private readonly logger = new Logger(WebFormSubmissionsService.name);

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly settings: WebFormSettingsService,
    private readonly tokens: FormTokens,
    private readonly throttle: WebFormThrottle,
    private readonly tickets: TicketsService,
    private readonly outbox: AccountMailOutbox,
    private readonly requesters: AuthorizedRequesters,
    private readonly files: WebFormFiles,
    @InjectConfig(httpConfig) private readonly http: HttpConfig,
    @InjectConfig(mailConfig) private readonly mail: MailConfig,
  ) {}

  /**
   * What runs before the body is read (the upload interceptor calls it): a closed form is 404 and
   * a network over its hourly limit 429 before a byte of a file is taken. Bots count against
   * their network too, honeypot or not.
   */
  async admit(clientAddress: string, res: Response): Promise<WebFormSettings> {
    const settings = await this.settings.current();
    if (!settings.enabled) throw new NotFoundError('Web form');
    await this.throttle.hit(res, {
      name: WEB_FORM_THROTTLERS.ip,
      key: networkKey(clientAddress),
      perHour: settings.maxPerIpPerHour,
    });
    return settings;
  }

  async submit(
    dto: WebFormSubmissionDto,
    settings: WebFormSettings,
    res: Response,
    files: FormFile[] = [],
  ): Promise<WebFormSubmissionResultDto> {
    if (dto.website) return ACCEPTED;
    this.checkFillTime(dto.formToken, settings);
    const email = dto.email.toLowerCase();
    await this.throttle.hit(res, {
      name: WEB_FORM_THROTTLERS.address,
      key: mailboxKey(email),
      perHour: settings.maxPerAddressPerHour,
    });
    const request: FormRequest = {
      email,
      name: dto.name,
      subject: dto.subject,
      description: dto.description,
      typeId: await this.offeredType(this.db.manager, settings, dto.typeId ?? null, true),
      locale: dto.locale ?? 'en',
    };
    // Spent last, once the request is sound: a person who fixes a refused entry may resend.
    if (!(await this.tokens.spend(dto.formToken))) {
      throw new FormTokenRefusedError(
        'stale',
        'This form was already sent; reload the page to send another request',
        [{ field: 'formToken', message: 'was already used' }],
      );
    }

    // One answer whatever happens behind it: a different one for a known contact would tell
    // anyone who is a contact. A ticket filed at once is announced by its acknowledgement mail,
    // which only the mailbox's owner reads.
    if (settings.knownContactImmediate) {
      if (await this.fileForKnownContact(request, settings, files)) return ACCEPTED;
    }
    await this.holdForConfirmation(request, files);
    return ACCEPTED;
  }

  private checkFillTime(formToken: string, settings: WebFormSettings): void {
    const check = this.tokens.check(formToken);
    if (!check.ok) {
      throw new FormTokenRefusedError(
        check.reason,
        check.reason === 'stale'
          ? 'The form was open for too long; reload the page and send it again'
          : 'The form could not be verified; reload the page and send it again',
        [{ field: 'formToken', message: 'is not a current form token' }],
      );
    }
    if (check.filledInMs < settings.minFillSeconds * 1000) {
      throw new FormTokenRefusedError(
        'tooFast',
        'The form was sent too quickly after it was opened; check your entries and send it again in a few seconds',
        [
          {
            field: 'formToken',
            message: `the form must be open at least ${settings.minFillSeconds} s`,
          },
        ],
      );
    }
  }

  /**
   * The type to file with: one the form offers and that is still public and active. `strict`:
   * anything else is a 422 (the submission); otherwise it is dropped (a confirmation, where the
   * admin may have changed the form since).
   */
  async offeredType(
    em: EntityManager,
    settings: WebFormSettings,
    typeId: string | null,
    strict: boolean,
  ): Promise<string | null> {
    if (typeId === null) {
      if (strict && settings.typeIds.length > 0) {
        throw new BusinessRuleError('Choose the kind of request', [
          { field: 'typeId', message: 'choose one of the types the form offers' },
        ]);
      }
      return null;
    }
    const [usable] = settings.typeIds.includes(typeId)
      ? await sql<{ id: string }>(
          em,
          'SELECT id FROM ticket_types WHERE id = $1 AND is_public AND active',
          [typeId],
        )
      : [];
    if (usable) return usable.id;
    if (!strict) return null;
    throw new BusinessRuleError('The form does not offer this kind of request', [
      { field: 'typeId', message: 'is not one of the types the form offers' },
    ]);
  }

  /** Files the ticket of a known active client contact at once; false when the address is not one. */
  private async fileForKnownContact(
    request: FormRequest,
    settings: WebFormSettings,
    files: FormFile[],
  ): Promise<boolean> {
    const stored: string[] = [];
    const filed = this.db.transaction(async (em) => {
      const [user] = await sql<{ id: string }>(
        em,
        `SELECT id FROM users WHERE email = $1 AND role = 'client'`,
        [request.email],
      );
      const contact = user ? await loadAuthUser(em, user.id, this.clock.now()) : null;
      if (!contact || !(await mayFile(em, this.requesters, contact))) return false;
      const ticket = await this.tickets.create(
        contact,
        {
          subject: request.subject,
          description: request.description,
          typeId: request.typeId ?? undefined,
          priority: settings.defaultPriority ?? undefined,
        },
        { em, channel: 'web_form', defaultGroupId: settings.defaultGroupId },
      );
      stored.push(...(await this.files.attach(em, ticket.id, contact.id, files)));
      return true;
    });
    try {
      return await filed;
    } catch (e) {
      await this.files.discard(stored);
      throw e;
    }
  }

  /** Stores the request and queues the confirmation mail, in one transaction. */
  private async holdForConfirmation(request: FormRequest, files: FormFile[]): Promise<void> {
    await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const hourAgo = new Date(now.getTime() - 3_600_000);
      // One lock for all confirmations: two instances count one after the other, so neither
      // limit is passed by a race (a confirmation is a few rows; the lock is held briefly).
      await em.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('relaydesk:web-form-mail', 0))`,
      );
      const [{ mailbox, total }] = await sql<{ mailbox: number; total: number }>(
        em,
        `SELECT (count(*) FILTER (WHERE ${MAILBOX_KEY_SQL} = $1))::int AS mailbox,
                count(*)::int AS total
           FROM deliveries WHERE kind = 'web_form_confirmation' AND created_at > $2`,
        [mailboxKey(request.email), hourAgo],
      );
      if (total >= this.mail.webFormConfirmationsPerHour) {
        // Answered as usual (the sender cannot tell), but nothing is stored or mailed.
        this.logger.warn(
          `web form confirmation not sent: ${total} went out in the last hour (WEB_FORM_CONFIRMATIONS_PER_HOUR ${this.mail.webFormConfirmationsPerHour})`,
        );
        return;
      }
      if (mailbox >= MAX_CONFIRMATION_MAILS_PER_HOUR) {
        throw new TooManyRequestsError(
          'Too many confirmation mails were sent to this address; try again later',
          3600,
        );
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
      const [{ id }] = await sql<{ id: string }>(
        em,
        `INSERT INTO web_form_submissions (email, name, subject, description, type_id, locale,
                                           token_hash, expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          request.email,
          request.name,
          request.subject,
          request.description,
          request.typeId,
          request.locale,
          hashConfirmationToken(token),
          expiresAt,
          now,
        ],
      );
      await this.files.keep(em, id, files);
      await this.outbox.enqueue(em, {
        kind: 'web_form_confirmation',
        userId: null,
        address: request.email,
        locale: request.locale,
        data: {
          // PUBLIC_URL, never the request's Host; the token in the fragment never reaches a server log.
          actionUrl: `${this.http.publicUrl}/form/confirm#token=${token}`,
          expiresAt: expiresAt.toISOString(),
          audience: 'client',
        },
      });
    });
  }
}
