import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import { BusinessRuleError } from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import {
  type CreateTicketDto,
  isTicketVisible,
  TicketCommentsService,
  TicketsService,
  TicketTransitionsService,
} from '../../tickets/index.js';
import {
  alertDescription,
  alertSubject,
  firedAgainComment,
  repeatComment,
  resolvedComment,
} from './alert-ticket-text.js';
import { AlertRulesService } from './alert-rules.service.js';
import type { AlertResultDto } from './dto/alert-rule.dto.js';
import { clip } from './parsing/field-reader.js';
import { ALERT_LIMITS, type NormalizedAlert } from './parsing/normalized-alert.js';
import {
  type AlertRuleSpec,
  DEFAULT_REPEAT_COMMENT_MINUTES,
  firstMatchingRule,
  severityPriority,
} from './rules/alert-rule-matcher.js';

interface OpenAlertRow {
  id: string;
  status: 'firing' | 'resolved';
  ticketId: string;
  ticketNumber: number;
  ticketClosed: boolean;
  notificationCount: number;
  unreportedRepeats: number;
  lastCommentAt: Date;
}

const MINUTE_MS = 60_000;

/**
 * Alerts into tickets: one ticket per firing alert, found again by (source, fingerprint) while
 * its ticket is open. A post is one transaction that first takes an advisory lock per alert it
 * carries (in one order, so two posts never wait on each other in a circle): the same alert
 * posted twice at once is handled one post after the other, and the second finds the first's
 * row instead of filing a second ticket. The partial unique index on open alerts backs that up.
 */
@Injectable()
export class AlertIngestService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly tickets: TicketsService,
    private readonly comments: TicketCommentsService,
    private readonly transitions: TicketTransitionsService,
    private readonly rules: AlertRulesService,
  ) {}

  async ingest(actor: AuthUser, alerts: NormalizedAlert[]): Promise<AlertResultDto[]> {
    return this.db.transaction(async (em) => {
      const keys = [...new Set(alerts.map((a) => `relaydesk:alert:${a.source}:${a.fingerprint}`))];
      await em.query(
        `SELECT pg_advisory_xact_lock(h)
           FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS s`,
        [keys],
      );
      const rules = await this.rules.activeRules(em);
      const results: AlertResultDto[] = [];
      for (const alert of alerts) {
        results.push(await this.one(em, actor, alert, firstMatchingRule(rules, alert)));
      }
      return results;
    });
  }

  private async one(
    em: EntityManager,
    actor: AuthUser,
    alert: NormalizedAlert,
    rule: AlertRuleSpec | null,
  ): Promise<AlertResultDto> {
    const now = this.clock.now();
    const result = (
      outcome: AlertResultDto['outcome'],
      ticket: { id: string; number: number } | null,
      transitioned = false,
    ): AlertResultDto => ({
      source: alert.source,
      fingerprint: alert.fingerprint,
      status: alert.status,
      outcome,
      ticketId: ticket?.id ?? null,
      ticketNumber: ticket?.number ?? null,
      transitioned,
    });

    let open: OpenAlertRow | null = await this.openAlert(em, alert);
    // Another monitoring account's ticket that this one may not see: its notes and moves are
    // not this account's to make, and no answer may tell that the ticket exists.
    const visible = open !== null && (await isTicketVisible(em, actor, open.ticketId));
    if (open?.ticketClosed) {
      // Its ticket was closed: the alert is history, and a new firing is a new problem.
      await em.query(
        `UPDATE alerts SET open = false, last_seen_at = $2, notification_count = notification_count + 1,
                status = CASE WHEN $3 THEN 'resolved' ELSE status END,
                resolved_at = CASE WHEN $3 THEN $2 ELSE resolved_at END
          WHERE id = $1`,
        [open.id, now, alert.status === 'resolved'],
      );
      if (alert.status === 'resolved') {
        return result('ignored', visible ? { id: open.ticketId, number: open.ticketNumber } : null);
      }
      open = null;
    }
    if (open && !visible) return result('ignored', null);

    if (alert.status === 'resolved') {
      if (!open || open.status === 'resolved') {
        if (open) await this.touch(em, open.id, now);
        return result('ignored', open ? { id: open.ticketId, number: open.ticketNumber } : null);
      }
      await this.note(em, actor, open.ticketId, resolvedComment(alert, now));
      const transitioned = rule?.resolveStatus
        ? await this.transitions.transitionIfAllowed(em, actor, open.ticketId, rule.resolveStatus)
        : false;
      await em.query(
        `UPDATE alerts SET status = 'resolved', resolved_at = $2, last_seen_at = $2,
                last_comment_at = $2, unreported_repeats = 0,
                notification_count = notification_count + 1
          WHERE id = $1`,
        [open.id, now],
      );
      return result('resolved', { id: open.ticketId, number: open.ticketNumber }, transitioned);
    }

    if (!open) return result('ticket_created', await this.fileTicket(em, actor, alert, rule, now));

    const ticket = { id: open.ticketId, number: open.ticketNumber };
    if (open.status === 'resolved') {
      await this.note(em, actor, open.ticketId, firedAgainComment(alert, now));
      await em.query(
        `UPDATE alerts SET status = 'firing', resolved_at = NULL, last_seen_at = $2,
                last_comment_at = $2, unreported_repeats = 0, fire_count = fire_count + 1,
                notification_count = notification_count + 1
          WHERE id = $1`,
        [open.id, now],
      );
      return result('fired_again', ticket);
    }

    // Still firing: Alertmanager repeats a firing group every repeat_interval, and resends the
    // whole group whenever one of its alerts changes, so repeats are counted and commented at
    // most once per interval.
    const minutes = rule?.repeatCommentMinutes ?? DEFAULT_REPEAT_COMMENT_MINUTES;
    if (now.getTime() - open.lastCommentAt.getTime() >= minutes * MINUTE_MS) {
      await this.note(
        em,
        actor,
        open.ticketId,
        repeatComment(open.unreportedRepeats + 1, open.notificationCount + 1),
      );
      await em.query(
        `UPDATE alerts SET last_seen_at = $2, last_comment_at = $2, unreported_repeats = 0,
                notification_count = notification_count + 1
          WHERE id = $1`,
        [open.id, now],
      );
      return result('repeat_commented', ticket);
    }
    await em.query(
      `UPDATE alerts SET last_seen_at = $2, unreported_repeats = unreported_repeats + 1,
              notification_count = notification_count + 1
        WHERE id = $1`,
      [open.id, now],
    );
    return result('repeat_counted', ticket);
  }

  private async openAlert(em: EntityManager, alert: NormalizedAlert) {
    const [row] = await sql<OpenAlertRow>(
      em,
      `SELECT a.id, a.status, a.ticket_id AS "ticketId", t.number AS "ticketNumber",
              (t.status_category IN ('closed', 'canceled') OR COALESCE(ws.read_only, false))
                AS "ticketClosed",
              a.notification_count AS "notificationCount",
              a.unreported_repeats AS "unreportedRepeats", a.last_comment_at AS "lastCommentAt"
         FROM alerts a
         JOIN tickets t ON t.id = a.ticket_id
         LEFT JOIN workflow_statuses ws ON ws.workflow_id = t.workflow_id AND ws.key = t.status
        WHERE a.source = $1 AND a.fingerprint = $2 AND a.open`,
      [alert.source, alert.fingerprint],
    );
    // tickets.number is a bigint, which the driver hands over as a string.
    return row ? { ...row, ticketNumber: Number(row.ticketNumber) } : null;
  }

  private async touch(em: EntityManager, id: string, now: Date): Promise<void> {
    await em.query(
      `UPDATE alerts SET last_seen_at = $2, notification_count = notification_count + 1 WHERE id = $1`,
      [id, now],
    );
  }

  /** Monitoring's notes are internal: labels and hosts are the desk's business, not a client's. */
  private async note(em: EntityManager, actor: AuthUser, ticketId: string, body: string) {
    await this.comments.create(actor, ticketId, { body, internal: true }, { em });
  }

  private async fileTicket(
    em: EntityManager,
    actor: AuthUser,
    alert: NormalizedAlert,
    rule: AlertRuleSpec | null,
    now: Date,
  ): Promise<{ id: string; number: number }> {
    const severityDefault = alert.severity ? severityPriority(alert.severity) : undefined;
    const dto: CreateTicketDto = {
      subject: alertSubject(alert),
      description: alertDescription(alert),
      // No severity and no rule: the type's default priority and the assignment rules decide.
      priority: rule?.priority ?? severityDefault,
      typeId: rule?.typeId ?? undefined,
      groupId: rule?.groupId ?? undefined,
      organizationId: rule?.organizationId ?? undefined,
    };
    let ticket: { id: string; number: number };
    // A rule can go stale (its group or type deactivated, a type now requiring a custom field):
    // the alert must still become a ticket, or monitoring would retry it forever in vain.
    await em.query('SAVEPOINT alert_ticket');
    try {
      ticket = await this.tickets.create(actor, dto, { em, channel: 'monitoring' });
      await em.query('RELEASE SAVEPOINT alert_ticket');
    } catch (error) {
      if (!rule || !(error instanceof BusinessRuleError)) throw error;
      await em.query('ROLLBACK TO SAVEPOINT alert_ticket');
      const problems = error.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      ticket = await this.tickets.create(
        actor,
        {
          subject: dto.subject,
          description: clip(
            `The alert rule “${rule.name}” could not be applied (${problems || error.message}); ` +
              `the ticket has the defaults.\n\n${dto.description}`,
            ALERT_LIMITS.description,
          ),
          priority: severityDefault,
        },
        { em, channel: 'monitoring' },
      );
    }
    await em.query(
      `INSERT INTO alerts (source, fingerprint, status, ticket_id, rule_id, title, severity, labels,
                           first_seen_at, last_seen_at, last_comment_at)
       VALUES ($1, $2, 'firing', $3, $4, $5, $6, $7, $8, $8, $8)`,
      [
        alert.source,
        alert.fingerprint,
        ticket.id,
        rule?.id ?? null,
        clip(alert.title, 250),
        alert.severity,
        JSON.stringify(alert.labels),
        now,
      ],
    );
    return { id: ticket.id, number: ticket.number };
  }
}
