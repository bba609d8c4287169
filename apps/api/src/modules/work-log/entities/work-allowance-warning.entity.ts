import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A warning sent: one row per contract, allowance period and threshold. Its key makes the
 * warning exactly-once however many instances write entries at the same moment.
 */
@Entity('work_allowance_warnings')
export class WorkAllowanceWarning {
  @PrimaryColumn('uuid', {
    name: 'contract_id',
    primaryKeyConstraintName: 'work_allowance_warnings_pkey',
  })
  contractId!: string;
  // By name: the contracts module's door is the only way in, and a name needs no import.
  @ManyToOne('Contract', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: unknown;
  /** The first day of the period (a month, or the contract's start for a per-contract allowance). */
  @PrimaryColumn('date', {
    name: 'period_start',
    primaryKeyConstraintName: 'work_allowance_warnings_pkey',
  })
  periodStart!: string;
  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'work_allowance_warnings_pkey' })
  threshold!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
