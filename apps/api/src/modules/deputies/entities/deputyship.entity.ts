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
import { User } from '../../directory/index.js';

/**
 * CDESK deputies: during [startsAt, endsAt) the deputy sees and works the tickets assigned to the
 * principal. Nothing switches access on or off: every request compares the period with its clock
 * time. Ending one early sets `endsAt` to that moment (and `startsAt` too when it had not begun).
 */
@Entity('deputyships')
@Check('deputyships_period_check', `"ends_at" >= "starts_at"`)
@Check('deputyships_not_self_check', `"principal_id" <> "deputy_id"`)
@Index('deputyships_principal_ends_idx', ['principalId', 'endsAt', 'id'])
@Index('deputyships_deputy_ends_idx', ['deputyId', 'endsAt', 'id'])
// The expiry sweep's only entry point: ends_at WHERE expiry_processed_at IS NULL (partial).
@Index('deputyships_expiry_due_idx', { synchronize: false })
export class Deputyship {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid', { name: 'principal_id' }) principalId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'principal_id' })
  principal?: Relation<User>;

  @Column('uuid', { name: 'deputy_id' }) deputyId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deputy_id' })
  deputy?: Relation<User>;

  @Column('timestamptz', { name: 'starts_at' }) startsAt!: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt!: Date;
  @Column('varchar', { length: 500, nullable: true }) note!: string | null;

  @Column('uuid', { name: 'created_by_id', nullable: true }) createdById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;

  /** Set when someone ended it before its planned end. */
  @Column('timestamptz', { name: 'canceled_at', nullable: true }) canceledAt!: Date | null;
  @Column('uuid', { name: 'canceled_by_id', nullable: true }) canceledById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'canceled_by_id' })
  canceledBy?: Relation<User>;

  /** When the end was recorded and announced (the sweep, or the early end); null: not yet. */
  @Column('timestamptz', { name: 'expiry_processed_at', nullable: true })
  expiryProcessedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
