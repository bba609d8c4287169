import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first answer to a POST with an Idempotency-Key, replayed for a retry with the same body. */
@Entity('idempotency_keys')
@Index('idempotency_keys_created_idx', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('varchar', { length: 200 }) key!: string;
  @Column('varchar', { length: 300 }) route!: string;
  @Column('varchar', { name: 'request_hash', length: 64 }) requestHash!: string;
  @Column('int', { name: 'status_code', nullable: true }) statusCode!: number | null;
  @Column('jsonb', { name: 'response_body', nullable: true }) responseBody!: unknown;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  /** Set by the request's committing transaction (IdempotencyCommitSubscriber): it was carried out. */
  @Column('timestamptz', { name: 'committed_at', nullable: true }) committedAt!: Date | null;
}
