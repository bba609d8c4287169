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
import { Deputyship } from './deputyship.entity.js';

export const DEPUTYSHIP_EVENT_KINDS = ['created', 'ended', 'expired'] as const;
export type DeputyshipEventKind = (typeof DEPUTYSHIP_EVENT_KINDS)[number];

/**
 * The audit trail of a deputyship: who named the deputy, who ended it early, and when it expired
 * (the sweep writes `expired` once; a unique partial index makes a second one impossible).
 */
@Entity('deputyship_events')
@Check('deputyship_events_kind_check', `"kind" IN ('created', 'ended', 'expired')`)
@Index('deputyship_events_deputyship_idx', ['deputyshipId', 'createdAt'])
@Index('deputyship_events_end_once_key', { synchronize: false })
export class DeputyshipEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'deputyship_id' }) deputyshipId!: string;
  @ManyToOne(() => Deputyship, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deputyship_id' })
  deputyship?: Relation<Deputyship>;
  @Column('varchar', { length: 16 }) kind!: DeputyshipEventKind;
  /** null: the system (the expiry sweep). */
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<User>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
