import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/**
 * A receiver an admin registered: where to POST, which event kinds, and the secret the messages
 * are signed with. The secret is kept sealed (SecretBox, bound to the row): it must be used in
 * clear to sign, so it cannot be hashed, and a database dump alone does not reveal it.
 */
@Entity('webhook_endpoints')
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_endpoints_pkey' })
  id!: string;
  @Column('varchar', { length: 2048 }) url!: string;
  @Column('varchar', { length: 500, default: '' }) description!: string;
  @Column('boolean', { default: true }) active!: boolean;
  /** WebhookEventKind values. */
  @Column('varchar', { length: 40, array: true, default: () => "'{}'" }) events!: string[];
  /** Internal notes (and staff-only field changes) go out only when an admin chose so. */
  @Column('boolean', { name: 'include_internal_comments', default: false })
  includeInternalComments!: boolean;
  /** The signing secret (`whsec_…`), sealed. */
  @Column('text') secret!: string;
  /** The secret before the last rotation, sealed; it signs too until `previousSecretExpiresAt`. */
  @Column('text', { name: 'previous_secret', nullable: true }) previousSecret!: string | null;
  @Column('timestamptz', { name: 'previous_secret_expires_at', nullable: true })
  previousSecretExpiresAt!: Date | null;
  /** Messages failed for good in a row; a delivered one resets it. */
  @Column('int', { name: 'consecutive_failures', default: 0 }) consecutiveFailures!: number;
  /** Set when the endpoint was disabled automatically (and why); cleared when it is enabled. */
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
  @Column('text', { name: 'disabled_reason', nullable: true }) disabledReason!: string | null;
  @VersionColumn({ default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
