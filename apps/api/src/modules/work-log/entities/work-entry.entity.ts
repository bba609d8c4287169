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
import type { WorkEntryKind } from '@relaydesk/contracts';
import { User } from '../../directory/index.js';
import { Ticket } from '../../tickets/index.js';
import { BillingItem } from './billing-item.entity.js';

/**
 * Work done on a ticket: who, when, how long, as what activity, and how much of it is billed
 * (done and billed differ: CDESK's internal vs invoiced work). `contract_id` is the ticket's
 * contract when the entry was written, so allowance totals do not move when a ticket is relinked.
 */
@Entity('work_entries')
@Index('work_entries_ticket_date_idx', ['ticketId', 'workDate'])
@Index('work_entries_user_date_idx', ['userId', 'workDate'])
@Index('work_entries_contract_date_idx', ['contractId', 'workDate'])
@Index('work_entries_date_id_idx', ['workDate', 'id'])
@Index('work_entries_batch_idx', ['batchId'])
@Index('work_entries_billing_item_idx', ['billingItemId'])
@Check('work_entries_kind_check', `"kind" IN ('billable', 'internal', 'warranty')`)
@Check(
  'work_entries_seconds_check',
  `"duration_seconds" >= 0 AND "billed_seconds" >= 0 AND ("ended_at" IS NULL OR "started_at" IS NULL OR "ended_at" >= "started_at")`,
)
export class WorkEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  /** Who did the work (staff). */
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  @Column('date', { name: 'work_date' }) workDate!: string;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  /** Time spent (done). */
  @Column('int', { name: 'duration_seconds' }) durationSeconds!: number;
  /** Time invoiced; 0 for internal work. Billable entries' billed time uses up an allowance. */
  @Column('int', { name: 'billed_seconds' }) billedSeconds!: number;
  @Column('uuid', { name: 'billing_item_id', nullable: true }) billingItemId!: string | null;
  @ManyToOne(() => BillingItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'billing_item_id' })
  billingItem?: Relation<BillingItem>;
  /** In the billing item's unit. */
  @Column('numeric', { name: 'quantity_done', precision: 12, scale: 2, default: 0 })
  quantityDone!: string;
  @Column('numeric', { name: 'quantity_billed', precision: 12, scale: 2, default: 0 })
  quantityBilled!: string;
  @Column('varchar', { length: 10 }) kind!: WorkEntryKind;
  @Column('text', { default: '' }) description!: string;
  @Column('uuid', { name: 'contract_id', nullable: true }) contractId!: string | null;
  // By name: the contracts module's door is the only way in, and a name needs no import.
  @ManyToOne('Contract', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contract_id' })
  contract?: unknown;
  /** The entries written at once for several tickets share it. */
  @Column('uuid', { name: 'batch_id', nullable: true }) batchId!: string | null;
  @Column('uuid', { name: 'created_by_id' }) createdById!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
