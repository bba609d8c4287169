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
import type { KbAudience } from '@relaydesk/contracts';

/**
 * A section of the knowledge base, in a tree. `path` holds the ids from the root down to the
 * section itself, so the audience rule can demand that every section above an article lets the
 * reader in without a recursive query (kb-audience.ts).
 */
@Entity('kb_sections')
@Index('kb_sections_parent_idx', ['parentId', 'position'])
@Check('kb_sections_audience_check', `"audience" IN ('public', 'clients', 'staff')`)
export class KbSection {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @ManyToOne(() => KbSection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<KbSection>;
  @Column('uuid', { array: true }) path!: string[];
  @Column('varchar', { length: 200 }) name!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('int', { default: 0 }) position!: number;
  @Column('varchar', { length: 10 }) audience!: KbAudience;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
