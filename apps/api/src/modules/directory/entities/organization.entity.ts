import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A client company whose contacts open tickets. */
@Entity('organizations')
@Index('organizations_name_id_idx', ['name', 'id'])
@Index('organizations_name_trgm_idx', { synchronize: false })
export class Organization {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('varchar', { name: 'tax_id', length: 50, nullable: true }) taxId!: string | null;
  @Column('text', { nullable: true }) address!: string | null;
  @Column('varchar', { length: 50, nullable: true }) phone!: string | null;
  @Column('varchar', { length: 254, nullable: true }) email!: string | null;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('boolean', { default: true }) active!: boolean;
  /**
   * CDESK: mail from an unknown address at one of these domains creates a contact of this
   * organization (lower-case domain names).
   */
  @Column('varchar', { name: 'mail_domains', length: 253, array: true, default: () => "'{}'" })
  mailDomains!: string[];
  @VersionColumn({ default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
