import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Fixed-window counter of login attempts per account or per IP. Counted with one atomic
 * upsert before the password is checked, so parallel guesses cannot slip past the limit.
 */
@Entity('login_attempt_counters')
export class LoginAttemptCounter {
  @PrimaryColumn('varchar', { length: 300 }) key!: string;
  @Column('int') attempts!: number;
  @Column('timestamptz', { name: 'window_started_at' }) windowStartedAt!: Date;
}
