import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organization } from '../../directory/index.js';
import { KbSection } from './kb-section.entity.js';

/**
 * A `clients` section with rows here is for the clients of these organizations only; without
 * rows it is for every client.
 */
@Entity('kb_section_organizations')
@Index('kb_section_organizations_org_idx', ['organizationId'])
export class KbSectionOrganization {
  @PrimaryColumn('uuid', {
    name: 'section_id',
    primaryKeyConstraintName: 'kb_section_organizations_pkey',
  })
  sectionId!: string;
  @ManyToOne(() => KbSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  section?: Relation<KbSection>;
  @PrimaryColumn('uuid', {
    name: 'organization_id',
    primaryKeyConstraintName: 'kb_section_organizations_pkey',
  })
  organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
}
