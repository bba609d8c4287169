import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Organization, User } from '../../directory/index.js';
import { SlaCalendar } from '../../sla/index.js';

/** A site of a client organization where service is done (CDESK's object, Okdesk's object). */
@Entity('service_objects')
@Index('service_objects_name_id_idx', ['name', 'id'])
@Index('service_objects_organization_name_idx', ['organizationId', 'name', 'id'])
@Index('service_objects_contact_idx', ['contactId'])
@Index('service_objects_calendar_idx', ['calendarId'])
export class ServiceObject {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('text', { default: '' }) address!: string;
  /** A contact (client user) of the same organization; checked on every write. */
  @Column('uuid', { name: 'contact_id', nullable: true }) contactId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<User>;
  /** The site's working hours, as an SLA business calendar. */
  @Column('uuid', { name: 'calendar_id', nullable: true }) calendarId!: string | null;
  @ManyToOne(() => SlaCalendar, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'calendar_id' })
  calendar?: Relation<SlaCalendar>;
  /** Staff only. */
  @Column('text', { default: '' }) notes!: string;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
