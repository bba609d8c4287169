import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Contract } from '../../contracts/index.js';
import { User } from '../../directory/index.js';

/**
 * A document of a contract (the signed contract, an annex, a price sheet), its bytes in the
 * ticket attachments' store. Staff only unless `shared` with the contract's client. A deleted
 * document keeps its row (who uploaded and who deleted it, when) as the contract's file history.
 */
@Entity('contract_documents')
@Index('contract_documents_contract_idx', ['contractId', 'createdAt', 'id'])
export class ContractDocument {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'contract_documents_pkey' })
  id!: string;
  @Column('uuid', { name: 'contract_id' }) contractId!: string;
  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_documents_contract_fkey' })
  contract?: Relation<Contract>;
  @Column('boolean', { default: false }) shared!: boolean;
  @Column('int', { default: 1 }) version!: number;

  @Column('uuid', { name: 'uploader_id', nullable: true }) uploaderId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploader_id', foreignKeyConstraintName: 'contract_documents_uploader_fkey' })
  uploader?: Relation<User>;

  @Column('varchar', { name: 'file_name', length: 255 }) fileName!: string;
  @Column('varchar', { name: 'content_type', length: 127 }) contentType!: string;
  @Column('bigint', {
    name: 'size_bytes',
    transformer: { to: (v: unknown) => v, from: (v: string) => Number(v) },
  })
  sizeBytes!: number;
  @Column('varchar', { length: 64 }) sha256!: string;
  @Column('varchar', { name: 'storage_key', length: 200 }) storageKey!: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  @Column('uuid', { name: 'deleted_by_id', nullable: true }) deletedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'deleted_by_id',
    foreignKeyConstraintName: 'contract_documents_deleted_by_fkey',
  })
  deletedBy?: Relation<User>;
}
