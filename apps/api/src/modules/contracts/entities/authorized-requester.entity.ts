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
import { Contract } from './contract.entity.js';

/**
 * CDESK: a contact allowed to file requests for the organization (`contract_id` null) or only
 * under one of its contracts. Counts only while the organization's list is on
 * (`requester_lists.enabled`).
 */
@Entity('authorized_requesters')
@Index('authorized_requesters_lookup_idx', ['organizationId', 'userId'])
@Index('authorized_requesters_user_idx', ['userId'])
@Index('authorized_requesters_contract_idx', ['contractId'])
export class AuthorizedRequester {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  @Column('uuid', { name: 'contract_id', nullable: true }) contractId!: string | null;
  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Relation<Contract>;
}
