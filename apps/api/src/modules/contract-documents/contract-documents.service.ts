import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { iso, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError, VersionConflictError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { registerVisibility } from '../contracts/index.js';
import {
  AttachmentStorage,
  deleteFileRecord,
  recordFile,
  storeUpload,
  type FileRecordTable,
  type ReceivedUpload,
  type StoredFileContent,
} from '../tickets/index.js';
import type {
  ContractDocumentDto,
  UpdateContractDocumentDto,
} from './dto/contract-document.dto.js';

/** Documents a contract may hold at once (deleted ones do not count). */
export const DOCUMENTS_PER_CONTRACT = 100;

const DOCUMENTS: FileRecordTable = {
  table: 'contract_documents',
  parentColumn: 'contract_id',
  limit: DOCUMENTS_PER_CONTRACT,
  holder: 'A contract',
  items: 'documents',
  noun: 'Document',
  versioned: true,
};

interface DocumentRow {
  id: string;
  contract_id: string;
  shared: boolean;
  version: number;
  file_name: string;
  content_type: string;
  size_bytes: string;
  storage_key: string;
  created_at: Date;
  uploader_id: string | null;
  uploader_name: string | null;
  deleted_at: Date | null;
  deleted_by_id: string | null;
  deleted_by_name: string | null;
}

const COLUMNS = `d.id, d.contract_id, d.shared, d.version, d.file_name, d.content_type,
  d.size_bytes, d.storage_key, d.created_at, d.uploader_id, up.name AS uploader_name,
  d.deleted_at, d.deleted_by_id, del.name AS deleted_by_name`;
const JOINS = `LEFT JOIN users up ON up.id = d.uploader_id
               LEFT JOIN users del ON del.id = d.deleted_by_id`;

const isStaff = (reader: AuthUser) => reader.role !== 'client';

/**
 * Documents of contracts (issue 18), their bytes in the ticket attachments' store, received and
 * typed the same way. Every read goes through THE register rule on the contract, so a contract the
 * reader does not see has no documents (404); a client reads only the shared ones.
 */
@Injectable()
export class ContractDocumentsService {
  constructor(
    private readonly db: DataSource,
    private readonly storage: AttachmentStorage,
    private readonly clock: Clock,
  ) {}

  /** Before a byte of the upload is read: the contract must exist for the uploader. */
  async assertCanUpload(user: AuthUser, contractId: string): Promise<void> {
    await this.visibleContract(this.db.manager, user, contractId);
  }

  /** Stores a received upload and records it; a refusal leaves neither a row nor bytes. */
  async create(
    user: AuthUser,
    contractId: string,
    upload: ReceivedUpload,
  ): Promise<ContractDocumentDto> {
    const id = await storeUpload(this.storage, upload, (file) =>
      recordFile(
        this.db,
        DOCUMENTS,
        {
          parentId: contractId,
          // Its deletion locks the contract first and refuses while live documents remain.
          lockParent: (em) => this.visibleContract(em, user, contractId, 'FOR NO KEY UPDATE'),
          uploaderId: user.id,
          clock: this.clock,
          extra: { shared: upload.fields.shared ?? false },
        },
        file,
      ),
    );
    return toDto(await this.loadRow(this.db.manager, contractId, id), true);
  }

  /** The contract's documents, oldest first: a client only the shared ones, never deleted ones. */
  async list(
    reader: AuthUser,
    contractId: string,
    includeDeleted = false,
  ): Promise<ContractDocumentDto[]> {
    await this.visibleContract(this.db.manager, reader, contractId);
    const staff = isStaff(reader);
    const rows = await sql<DocumentRow>(
      this.db,
      `SELECT ${COLUMNS} FROM contract_documents d ${JOINS}
        WHERE d.contract_id = $1 ${includeDeleted && staff ? '' : 'AND d.deleted_at IS NULL'}
          ${staff ? '' : 'AND d.shared'}
        ORDER BY d.created_at, d.id`,
      [contractId],
    );
    return rows.map((r) => toDto(r, staff));
  }

  /** The document's bytes, in one query with THE register rule on its contract. */
  async open(reader: AuthUser, contractId: string, documentId: string): Promise<StoredFileContent> {
    const p = new SqlParams();
    const [row] = await sql<DocumentRow>(
      this.db,
      `SELECT ${COLUMNS} FROM contract_documents d
         JOIN contracts c ON c.id = d.contract_id ${JOINS}
        WHERE d.id = ${p.add(documentId)} AND d.contract_id = ${p.add(contractId)}
          AND d.deleted_at IS NULL ${isStaff(reader) ? '' : 'AND d.shared'}
          AND ${registerVisibility(reader, p, 'contracts', 'c')}`,
      p.values,
    );
    if (!row) throw new NotFoundError('Document');
    // Deleted between the query and here: its bytes are gone, so it is gone.
    const content = await this.storage.open(row.storage_key).catch(() => {
      throw new NotFoundError('Document');
    });
    return {
      fileName: row.file_name,
      contentType: row.content_type,
      sizeBytes: Number(row.size_bytes),
      content,
    };
  }

  /** Shares a document with the client or takes it back, at the version read. */
  update(
    user: AuthUser,
    contractId: string,
    documentId: string,
    dto: UpdateContractDocumentDto,
  ): Promise<ContractDocumentDto> {
    return this.db.transaction(async (em) => {
      await this.visibleContract(em, user, contractId);
      const [current] = await sql<{ version: number }>(
        em,
        `SELECT version FROM contract_documents
          WHERE id = $1 AND contract_id = $2 AND deleted_at IS NULL FOR NO KEY UPDATE`,
        [documentId, contractId],
      );
      if (!current) throw new NotFoundError('Document');
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      await em.query(
        'UPDATE contract_documents SET shared = $2, version = version + 1 WHERE id = $1',
        [documentId, dto.shared],
      );
      return toDto(await this.loadRow(em, contractId, documentId), true);
    });
  }

  /**
   * Deletes a document: its bytes go, its row stays as the contract's file history (who deleted
   * it and when, `includeDeleted`).
   */
  async remove(user: AuthUser, contractId: string, documentId: string): Promise<void> {
    await this.visibleContract(this.db.manager, user, contractId);
    await deleteFileRecord(this.db, this.storage, DOCUMENTS, {
      parentId: contractId,
      fileId: documentId,
      deletedById: user.id,
      clock: this.clock,
    });
  }

  private async visibleContract(
    em: EntityManager,
    reader: AuthUser,
    contractId: string,
    lock = '',
  ): Promise<void> {
    const p = new SqlParams();
    const [row] = await sql<{ id: string }>(
      em,
      `SELECT c.id FROM contracts c
        WHERE c.id = ${p.add(contractId)} AND ${registerVisibility(reader, p, 'contracts', 'c')}
        ${lock}`,
      p.values,
    );
    if (!row) throw new NotFoundError('Contract');
  }

  private async loadRow(
    em: EntityManager,
    contractId: string,
    documentId: string,
  ): Promise<DocumentRow> {
    const [row] = await sql<DocumentRow>(
      em,
      `SELECT ${COLUMNS} FROM contract_documents d ${JOINS}
        WHERE d.id = $1 AND d.contract_id = $2`,
      [documentId, contractId],
    );
    if (!row) throw new NotFoundError('Document');
    return row;
  }
}

/** Staff read who uploaded and deleted it and the version; a client the file itself. */
function toDto(r: DocumentRow, staff: boolean): ContractDocumentDto {
  const dto: ContractDocumentDto = {
    id: r.id,
    contractId: r.contract_id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    createdAt: iso(r.created_at),
    shared: r.shared,
  };
  if (!staff) return dto;
  return {
    ...dto,
    version: r.version,
    uploadedBy: r.uploader_id ? { id: r.uploader_id, name: r.uploader_name ?? '' } : null,
    deletedAt: r.deleted_at ? iso(r.deleted_at) : null,
    deletedBy: r.deleted_by_id ? { id: r.deleted_by_id, name: r.deleted_by_name ?? '' } : null,
  };
}
