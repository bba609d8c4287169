import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One fixed-window counter per throttler and client key (an address, an account), shared by
 * every API instance: PostgresThrottlerStorage counts with one atomic upsert, and the sweep
 * deletes rows whose window has ended through the index on window_ends_at.
 */
@Entity('rate_limit_counters')
@Index('rate_limit_counters_window_ends_idx', ['windowEndsAt'])
export class RateLimitCounter {
  @PrimaryColumn('varchar', { length: 50, primaryKeyConstraintName: 'rate_limit_counters_pkey' })
  throttler!: string;
  @PrimaryColumn('varchar', { length: 300, primaryKeyConstraintName: 'rate_limit_counters_pkey' })
  key!: string;
  @Column('int') hits!: number;
  @Column('timestamptz', { name: 'window_ends_at' }) windowEndsAt!: Date;
}
