import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkingInterval } from '@relaydesk/contracts';

/** Business hours: working intervals per weekday in a time zone, holidays and exceptions. */
@Entity('sla_calendars')
@Index('sla_calendars_name_id_idx', ['name', 'id'])
export class SlaCalendar {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  /** IANA zone, e.g. Europe/Moscow. */
  @Column('varchar', { name: 'time_zone', length: 64 }) timeZone!: string;
  /** Seven lists of intervals, Monday first. */
  @Column('jsonb') week!: WorkingInterval[][];
  /** Local dates without working time, `YYYY-MM-DD`. */
  @Column('jsonb', { default: () => "'[]'" }) holidays!: string[];
  /** Local dates with hours of their own (a short day, a working Saturday). */
  @Column('jsonb', { default: () => "'[]'" })
  exceptions!: { date: string; intervals: WorkingInterval[] }[];
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
