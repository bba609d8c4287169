import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AuthSession } from './auth-session.entity.js';

/** A single-use refresh token; only its SHA-256 is stored. */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index('refresh_tokens_session_id_idx')
  @Column('uuid', { name: 'session_id' })
  sessionId!: string;
  @ManyToOne(() => AuthSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<AuthSession>;

  @Column('varchar', { name: 'token_hash', length: 64 }) tokenHash!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt!: Date | null;
  /**
   * The token this one was rotated into: within the reuse grace window only the holder of the
   * immediately previous token may ask again, and only while this successor is unused.
   */
  @Column('uuid', { name: 'replaced_by_id', nullable: true }) replacedById!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
