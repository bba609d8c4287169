import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../../directory/index.js';

/**
 * A user's private calendar feed: one per user. Only a SHA-256 of the token is kept, so the
 * database alone cannot be turned into working feed addresses; rotating replaces the row's hash
 * and the old address stops working at once.
 */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  /** Hex SHA-256 of the token in the feed's address. */
  @Index('calendar_feeds_token_hash_key', { unique: true })
  @Column('varchar', { name: 'token_hash', length: 64 })
  tokenHash!: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
