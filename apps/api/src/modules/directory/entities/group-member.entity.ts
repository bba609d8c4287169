import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Group } from './group.entity.js';
import { User } from './user.entity.js';

@Entity('group_members')
@Index('group_members_user_id_idx', ['userId'])
export class GroupMember {
  @PrimaryColumn('uuid', { name: 'group_id' }) groupId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
