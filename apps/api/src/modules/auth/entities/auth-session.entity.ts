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
import { User } from '../../directory/index.js';

/**
 * One login: the family of refresh tokens that rotate from it. Access tokens carry its id,
 * so revoking the session (logout, reuse of a refresh token, password change) ends them too.
 */
@Entity('auth_sessions')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index('auth_sessions_user_id_idx')
  @Column('uuid', { name: 'user_id' })
  userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column('varchar', { name: 'user_agent', length: 500, nullable: true }) userAgent!: string | null;
  @Column('varchar', { length: 64, nullable: true }) ip!: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('varchar', { name: 'revoked_reason', length: 50, nullable: true })
  revokedReason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
