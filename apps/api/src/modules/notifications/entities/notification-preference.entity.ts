import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import type { NotificationChannel } from '@relaydesk/contracts';
import { User } from '../../directory/index.js';

/** A user's own choice for one kind on one channel; absent: the installation's default. */
@Entity('notification_preferences')
@Check('notification_preferences_channel_check', `"channel" IN ('in_app', 'email', 'sms')`)
export class NotificationPreference {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  @PrimaryColumn('varchar', { length: 40 }) kind!: string;
  @PrimaryColumn('varchar', { length: 8 }) channel!: NotificationChannel;
  @Column('boolean') enabled!: boolean;
}

/** The installation's default for one kind on one channel, set by admins. */
@Entity('notification_defaults')
@Check('notification_defaults_channel_check', `"channel" IN ('in_app', 'email', 'sms')`)
export class NotificationDefault {
  @PrimaryColumn('varchar', { length: 40 }) kind!: string;
  @PrimaryColumn('varchar', { length: 8 }) channel!: NotificationChannel;
  @Column('boolean') enabled!: boolean;
}
