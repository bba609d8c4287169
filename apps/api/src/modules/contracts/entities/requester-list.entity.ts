import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organization } from '../../directory/index.js';

/**
 * An organization's authorized-requester switch. No row is the same as off: every contact may
 * file. The row is also what a change of the list locks and versions.
 */
@Entity('requester_lists')
export class RequesterList {
  @PrimaryColumn('uuid', {
    name: 'organization_id',
    primaryKeyConstraintName: 'requester_lists_pkey',
  })
  organizationId!: string;
  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
  @Column('boolean', { default: false }) enabled!: boolean;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
