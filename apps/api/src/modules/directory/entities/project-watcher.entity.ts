import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Project } from './project.entity.js';
import { User } from './user.entity.js';

/**
 * A project's notification list (Pythagoras): people told about every ticket of the project, as
 * its watchers are, while they may see the ticket.
 */
@Entity('project_watchers')
@Index('project_watchers_user_id_idx', ['userId'])
export class ProjectWatcher {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
