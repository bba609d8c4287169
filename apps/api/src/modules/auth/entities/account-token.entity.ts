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

export const ACCOUNT_TOKEN_PURPOSES = ['welcome', 'password_reset', 'email_change'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * The secret behind a link in an account mail (welcome, password reset, e-mail change). Only a
 * SHA-256 of the token is kept, so the table alone cannot be turned into working links. A token
 * works once (`used_at`, set by a conditional UPDATE in the transaction of the change it makes)
 * and until `expires_at`; issuing a new one of the same purpose deletes the older ones.
 */
@Entity('account_tokens')
@Check('account_tokens_purpose_check', `"purpose" IN ('welcome', 'password_reset', 'email_change')`)
@Index('account_tokens_user_purpose_idx', ['userId', 'purpose'])
export class AccountToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'account_tokens_pkey' }) id!: string;

  @Column('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'account_tokens_user_id_fkey' })
  user?: Relation<User>;

  @Column('varchar', { length: 20 }) purpose!: AccountTokenPurpose;
  /** Hex SHA-256 of the token in the link. */
  @Index('account_tokens_token_hash_key', { unique: true })
  @Column('varchar', { name: 'token_hash', length: 64 })
  tokenHash!: string;
  /** The address an e-mail change goes to once confirmed. */
  @Column('citext', { name: 'new_email', nullable: true }) newEmail!: string | null;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt!: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
