import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Locale, Role, VisibilityScope } from '@relaydesk/contracts';
import { Organization } from './organization.entity.js';
import { Department } from './department.entity.js';

/** Staff (admin, dispatcher, agent) and client contacts alike; `role` tells them apart. */
@Entity('users')
@Check('users_role_check', `"role" IN ('admin', 'dispatcher', 'agent', 'client')`)
@Check('users_locale_check', `"locale" IN ('en', 'ru', 'cs')`)
@Check(
  'users_visibility_scope_check',
  `"visibility_scope" IN ('own', 'groups', 'department', 'all')`,
)
@Index('users_name_id_idx', ['name', 'id'])
@Index('users_search_trgm_idx', { synchronize: false })
@Check(
  'users_out_of_office_check',
  `"out_of_office_until" IS NULL OR "out_of_office_from" IS NULL OR "out_of_office_until" > "out_of_office_from"`,
)
@Check(
  'users_service_account_check',
  `NOT "service_account" OR ("role" <> 'client' AND "password_hash" IS NULL AND "organization_id" IS NULL)`,
)
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** citext: unique regardless of case, as people type e-mail addresses. */
  @Index('users_email_key', { unique: true })
  @Column('citext')
  email!: string;
  @Column('text', { name: 'password_hash', nullable: true, select: false })
  passwordHash!: string | null;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('varchar', { length: 50, nullable: true }) phone!: string | null;
  /** The user agreed to get SMS (for the kinds their preferences allow) at `phone`. */
  @Column('boolean', { name: 'sms_opt_in', default: false }) smsOptIn!: boolean;
  @Column('varchar', { length: 2, default: 'en' }) locale!: Locale;
  @Column('varchar', { length: 16 }) role!: Role;

  @Index('users_organization_id_idx')
  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId!: string | null;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Index('users_department_id_idx')
  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;
  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;

  /** Staff: which tickets they see (docs/visibility.md); null: the installation's default. */
  @Column('varchar', { name: 'visibility_scope', length: 16, nullable: true })
  visibilityScope!: VisibilityScope | null;
  @Column('boolean', { name: 'can_view_organization_tickets', default: false })
  canViewOrganizationTickets!: boolean;
  @Column('boolean', { default: true }) active!: boolean;
  /**
   * A service account (issue 15): another system acting through API tokens, never a person. It
   * has no password (cannot log in), and is left out where a person is expected (assignee
   * pickers, notifications); as a staff user it sees what its role and groups allow.
   */
  @Column('boolean', { name: 'service_account', default: false }) serviceAccount!: boolean;
  /** What a service account is for (service accounts only). */
  @Column('varchar', { length: 500, nullable: true }) description!: string | null;
  /**
   * Out of office (group distribution skips the user) from `from` until `until`; either end may
   * be open. Both null: in the office.
   */
  @Column('timestamptz', { name: 'out_of_office_from', nullable: true })
  outOfOfficeFrom!: Date | null;
  @Column('timestamptz', { name: 'out_of_office_until', nullable: true })
  outOfOfficeUntil!: Date | null;
  @Column('timestamptz', { name: 'last_login_at', nullable: true }) lastLoginAt!: Date | null;
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
