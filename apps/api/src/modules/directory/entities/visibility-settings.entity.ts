import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { VisibilityScope } from '@relaydesk/contracts';

/**
 * Who sees which ticket, installation-wide: one row (id 1). Read inside the statement that loads
 * every caller (auth-user.sql.ts), so a change holds on every instance from the next request.
 */
@Entity('visibility_settings')
@Check('visibility_settings_singleton_check', `"id" = 1`)
@Check(
  'visibility_settings_default_scope_check',
  `"default_scope" IN ('own', 'groups', 'department', 'all')`,
)
export class VisibilitySettings {
  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'visibility_settings_pkey' }) id!: number;
  /** The scope of every agent whose own `visibility_scope` is null. */
  @Column('varchar', { name: 'default_scope', length: 16, default: 'groups' })
  defaultScope!: VisibilityScope;
  /**
   * On: an unassigned ticket is seen by the members of the group it is routed to (and by whoever
   * sees it for another reason), not by every agent.
   */
  @Column('boolean', { name: 'unassigned_group_only', default: false })
  unassignedGroupOnly!: boolean;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
