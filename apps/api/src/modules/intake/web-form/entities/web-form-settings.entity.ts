import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import type { TicketPriority } from '@relaydesk/contracts';
import { Group } from '../../../directory/index.js';

/**
 * The web form's settings: one row (id 1), written by admins, read by every public request, so
 * every API instance sees a change at once. Throttles are per hour.
 */
@Entity('web_form_settings')
@Check('web_form_settings_singleton_check', `"id" = 1`)
export class WebFormSettings {
  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'web_form_settings_pkey' }) id!: number;
  @Column('boolean', { default: false }) enabled!: boolean;
  /** Public ticket types offered, in this order; empty: the ticket is filed without a type. */
  @Column('uuid', { name: 'type_ids', array: true, default: () => "'{}'" }) typeIds!: string[];
  @Column('uuid', { name: 'default_group_id', nullable: true }) defaultGroupId!: string | null;
  @ManyToOne(() => Group, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'default_group_id',
    foreignKeyConstraintName: 'web_form_settings_default_group_id_fkey',
  })
  defaultGroup?: Relation<Group>;
  @Column('varchar', { name: 'default_priority', length: 10, nullable: true })
  defaultPriority!: TicketPriority | null;
  /**
   * On: a known active contact's ticket is created at once, so whoever knows their address files
   * in their name (they learn of it by the acknowledgement). Off (default): everyone confirms by mail.
   */
  @Column('boolean', { name: 'known_contact_immediate', default: false })
  knownContactImmediate!: boolean;
  /** Origins (scheme://host[:port]) that may frame /form: its CSP frame-ancestors. */
  @Column('text', { name: 'allowed_origins', array: true, default: () => "'{}'" })
  allowedOrigins!: string[];
  @Column('int', { name: 'min_fill_seconds', default: 3 }) minFillSeconds!: number;
  @Column('int', { name: 'max_per_ip_per_hour', default: 20 }) maxPerIpPerHour!: number;
  @Column('int', { name: 'max_per_address_per_hour', default: 3 }) maxPerAddressPerHour!: number;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
