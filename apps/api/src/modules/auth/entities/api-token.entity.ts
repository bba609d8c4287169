import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { ApiScope } from '@relaydesk/contracts';
import { User } from '../../directory/index.js';

/**
 * A service account's API token. Only the SHA-256 of the token is kept (the token has 256 random
 * bits, so a plain hash cannot be reversed and lookup by it is safe); the raw token is shown once
 * when it is created. A token works while it is not revoked, not expired and its account is
 * active.
 */
@Entity('api_tokens')
@Index('api_tokens_user_id_idx', ['userId'])
export class ApiToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'api_tokens_pkey' }) id!: string;

  /** The service account (a `users` row with `service_account`). */
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'api_tokens_user_id_fkey' })
  user?: Relation<User>;

  @Column('varchar', { length: 100 }) name!: string;
  /** Hex SHA-256 of the raw token. */
  @Index('api_tokens_token_hash_key', { unique: true })
  @Column('varchar', { name: 'token_hash', length: 64 })
  tokenHash!: string;
  @Column('varchar', { length: 30, array: true }) scopes!: ApiScope[];
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  /** Kept to the minute: the request path writes it at most once a minute per token. */
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('uuid', { name: 'created_by_id', nullable: true }) createdById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'api_tokens_created_by_id_fkey' })
  createdBy?: Relation<User>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
