import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../directory/index.js';
import { ServiceObject } from './service-object.entity.js';

/**
 * Access by object (CDESK): a client contact limited to some service objects of their
 * organization. No row for a contact: the whole organization (docs/contracts.md).
 */
@Entity('contact_object_access')
@Index('contact_object_access_object_idx', ['serviceObjectId'])
export class ContactObjectAccess {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  @PrimaryColumn('uuid', { name: 'service_object_id' }) serviceObjectId!: string;
  @ManyToOne(() => ServiceObject, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_object_id' })
  serviceObject?: Relation<ServiceObject>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
