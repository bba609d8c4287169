import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { BusinessRuleError, ForbiddenError } from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import { recordTicketEvents } from '../ticket-events.js';
import { TicketAccessService } from '../ticket-access.service.js';
import { TicketWriter } from '../ticket-writer.js';
import type { RatingLinkDto } from './dto/satisfaction.dto.js';
import { LinkInvalidError, RatingAlreadyRecordedError } from './rating-link.errors.js';
import { RatingLinkService, type RatingLinkPayload } from './rating-link.service.js';
import { writeRating, type StoredRating } from './rating-writer.js';

/** What the rating page shows: the ticket as its requester knows it. */
export interface RatingLinkTarget {
  payload: RatingLinkPayload;
  ticketId: string;
  ticketNumber: number;
  subject: string;
  assigneeId: string | null;
  locale: Locale;
  recorded: boolean;
}

/**
 * Ratings given through signed links: staff issue a link for a ticket's requester; whoever holds
 * it may open the page any number of times (link scanners do) and submit it once.
 */
@Injectable()
export class LinkRatingsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: TicketAccessService,
    private readonly links: RatingLinkService,
    private readonly writer: TicketWriter,
  ) {}

  /**
   * A link for the requester of a ticket the caller sees; recorded (internally) in history. The
   * caller gets the link itself, so its assignee (or their deputy) gets none: nobody rates their
   * own work.
   */
  async issue(user: AuthUser, ticketId: string): Promise<RatingLinkDto> {
    const ticket = await this.access.loadVisible(user, ticketId);
    if (
      ticket.assigneeId &&
      (ticket.assigneeId === user.id || user.deputyForIds.includes(ticket.assigneeId))
    ) {
      throw new ForbiddenError(
        'The ticket is assigned to you: ask a colleague to send its requester a rating link',
      );
    }
    if (!ticket.requesterId) {
      throw new BusinessRuleError('The ticket has no requester to ask for a rating', [
        { field: 'requesterId', message: 'set a requester first' },
      ]);
    }
    const expiresAt = this.links.defaultExpiry();
    const token = this.links.create(ticket.id, ticket.requesterId, expiresAt, user.id);
    await recordTicketEvents(this.db.manager, ticket.id, user.id, this.clock.now(), [
      {
        kind: 'rating_link_created',
        newValue: { requesterId: ticket.requesterId, expiresAt: expiresAt.toISOString() },
        internal: true,
      },
    ]);
    return { url: this.links.path(token), expiresAt: expiresAt.toISOString() };
  }

  /** The ticket behind a token, or 404/410. Reads only: opening the page records nothing. */
  async open(token: string): Promise<RatingLinkTarget> {
    const payload = this.links.verify(token);
    return this.target(this.db.manager, payload, false);
  }

  async rate(token: string, rating: number, comment: string | null): Promise<StoredRating> {
    const payload = this.links.verify(token);
    return this.db.transaction(async (em) => {
      const target = await this.target(em, payload, true);
      const stored = await writeRating(em, this.writer, {
        ticketId: target.ticketId,
        rating,
        comment,
        ratedById: payload.requesterId,
        assigneeId: target.assigneeId,
        via: 'link',
        linkNonce: payload.nonce,
        at: this.clock.now(),
      });
      if (!stored) throw new RatingAlreadyRecordedError();
      return stored;
    });
  }

  /**
   * The link holds only while it still describes the ticket: same requester, who is still an
   * active user. A link to a ticket that changed hands is as good as a forged one.
   */
  private async target(
    em: EntityManager,
    payload: RatingLinkPayload,
    lock: boolean,
  ): Promise<RatingLinkTarget> {
    const rows = (await em.query(
      `SELECT t.id, t.number, t.subject, t.assignee_id, u.locale,
              EXISTS (SELECT 1 FROM ticket_ratings r WHERE r.link_nonce = $3) AS recorded
         FROM tickets t JOIN users u ON u.id = t.requester_id AND u.active
        WHERE t.id = $1 AND t.requester_id = $2
        ${lock ? 'FOR SHARE OF t' : ''}`,
      [payload.ticketId, payload.requesterId, payload.nonce],
    )) as {
      id: string;
      number: string;
      subject: string;
      assignee_id: string | null;
      locale: Locale;
      recorded: boolean;
    }[];
    const row = rows[0];
    if (!row) throw new LinkInvalidError();
    // Assigned to whoever issued it since: they hold a link to rate their own work.
    if (payload.issuerId && row.assignee_id === payload.issuerId) throw new LinkInvalidError();
    return {
      payload,
      ticketId: row.id,
      ticketNumber: Number(row.number),
      subject: row.subject,
      assigneeId: row.assignee_id,
      locale: row.locale,
      recorded: row.recorded,
    };
  }
}
