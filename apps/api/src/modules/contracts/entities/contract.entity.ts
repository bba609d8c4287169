import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import type { AllowancePeriod, ContractStoredStatus } from '@relaydesk/contracts';
import { Organization } from '../../directory/index.js';
import { SlaPolicy } from '../../sla/index.js';

/**
 * A service contract with a client organization. `status` holds what staff set (draft, active,
 * suspended); `expired` is derived when read, from `valid_to` and the clock (contract-status.ts).
 */
@Entity('contracts')
@Unique('contracts_organization_number_key', ['organizationId', 'number'])
@Index('contracts_number_id_idx', ['number', 'id'])
@Index('contracts_valid_to_idx', ['validTo'])
@Index('contracts_sla_policy_idx', ['slaPolicyId'])
@Check('contracts_status_check', `"status" IN ('draft', 'active', 'suspended')`)
@Check(
  'contracts_dates_check',
  `"valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from"`,
)
@Check(
  'contracts_allowance_check',
  `("allowance_seconds" IS NULL) = ("allowance_period" IS NULL) AND ("allowance_period" IS NULL OR "allowance_period" IN ('month', 'contract'))`,
)
export class Contract {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
  @Column('varchar', { length: 100 }) number!: string;
  @Column('varchar', { length: 200 }) title!: string;
  @Column('date', { name: 'valid_from', nullable: true }) validFrom!: string | null;
  @Column('date', { name: 'valid_to', nullable: true }) validTo!: string | null;
  @Column('varchar', { length: 10, default: 'draft' }) status!: ContractStoredStatus;
  @Column('uuid', { name: 'sla_policy_id', nullable: true }) slaPolicyId!: string | null;
  @ManyToOne(() => SlaPolicy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sla_policy_id' })
  slaPolicy?: Relation<SlaPolicy>;
  /** Prepaid service time, in seconds, per `allowance_period`; both or neither. */
  @Column('int', { name: 'allowance_seconds', nullable: true }) allowanceSeconds!: number | null;
  @Column('varchar', { name: 'allowance_period', length: 10, nullable: true })
  allowancePeriod!: AllowancePeriod | null;
  /** Staff only: never in what a client reads. */
  @Column('text', { name: 'billing_notes', default: '' }) billingNotes!: string;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
