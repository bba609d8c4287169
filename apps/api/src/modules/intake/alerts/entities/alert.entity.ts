import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Ticket } from '../../../tickets/index.js';
import type { AlertSource, AlertStatus } from '../parsing/normalized-alert.js';
import { AlertRule } from './alert-rule.entity.js';

/**
 * One monitored problem and the ticket it opened. While `open`, its (source, fingerprint) is
 * unique: every notification about it lands on that ticket. It stops being open when its
 * ticket is found closed, and the next firing opens a new ticket and a new row.
 */
@Entity('alerts')
@Index('alerts_open_fingerprint_key', ['source', 'fingerprint'], {
  unique: true,
  where: '"open"',
})
@Index('alerts_ticket_id_idx', ['ticketId'])
@Check('alerts_source_check', `"source" IN ('alertmanager', 'zabbix', 'generic')`)
@Check('alerts_status_check', `"status" IN ('firing', 'resolved')`)
export class Alert {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'alerts_pkey' }) id!: string;
  @Column('varchar', { length: 20 }) source!: AlertSource;
  @Column('varchar', { length: 200 }) fingerprint!: string;
  @Column('boolean', { default: true }) open!: boolean;
  @Column('varchar', { length: 10 }) status!: AlertStatus;

  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'alerts_ticket_id_fkey' })
  ticket?: Relation<Ticket>;

  /** The rule that shaped the ticket (null: the defaults, or the rule was deleted since). */
  @Column('uuid', { name: 'rule_id', nullable: true }) ruleId!: string | null;
  @ManyToOne(() => AlertRule, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'rule_id', foreignKeyConstraintName: 'alerts_rule_id_fkey' })
  rule?: Relation<AlertRule>;

  @Column('varchar', { length: 250 }) title!: string;
  @Column('varchar', { length: 50, nullable: true }) severity!: string | null;
  @Column('jsonb', { default: () => "'{}'" }) labels!: Record<string, string>;

  @Column('timestamptz', { name: 'first_seen_at' }) firstSeenAt!: Date;
  @Column('timestamptz', { name: 'last_seen_at' }) lastSeenAt!: Date;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  /** Every notification about it, firing or resolved. */
  @Column('int', { name: 'notification_count', default: 1 }) notificationCount!: number;
  /** Times it started firing: 1, plus one for each firing after a resolve. */
  @Column('int', { name: 'fire_count', default: 1 }) fireCount!: number;
  /** Repeats since the last comment that were only counted (throttled). */
  @Column('int', { name: 'unreported_repeats', default: 0 }) unreportedRepeats!: number;
  @Column('timestamptz', { name: 'last_comment_at' }) lastCommentAt!: Date;
}
