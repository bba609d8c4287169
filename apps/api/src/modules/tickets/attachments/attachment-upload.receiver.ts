import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import {
  InjectConfig,
  storageConfig,
  type StorageConfig,
} from '../../../config/config-namespaces.js';
import {
  InvalidInputError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../../../common/errors/domain-errors.js';
import { isUuid } from '../../../common/http/uuid-param.pipe.js';
import { HashingTempStorage, type TempFileInfo } from './hashing-temp-storage.js';

/** Room for the multipart framing and the small text fields around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;
/** The ticket upload's one optional field; other callers (article files) pass their own set. */
const TICKET_FIELDS: ReadonlySet<string> = new Set(['commentId']);

/** An upload that has been written to a temp file: the caller owns `tempPath` and deletes it. */
export interface ReceivedUpload {
  tempPath: string;
  originalName: string;
  sizeBytes: number;
  sha256: string;
  /** `shared` only where the caller allows it (a contract document shared with the client). */
  fields: { commentId?: string; shared?: boolean };
}

/**
 * Reads a multipart upload from the request, and only when asked to: the caller checks who is
 * asking and for which ticket first, so an anonymous or misdirected upload never touches the
 * disk. Enforces the size limit both on the declared length (before a byte is read) and while
 * streaming (for chunked bodies and liars).
 */
@Injectable()
export class AttachmentUploadReceiver {
  private readonly tmpDir: string;
  private readonly maxBytes: number;

  constructor(@InjectConfig(storageConfig) config: StorageConfig) {
    this.tmpDir = join(config.dataDir, 'tmp');
    this.maxBytes = config.attachmentMaxBytes;
  }

  /** Refuses, without reading the body, what can be refused from the headers alone. */
  checkHeaders(req: Request): void {
    if (!req.is('multipart/form-data')) {
      throw new UnsupportedMediaTypeError(
        'Send the file as multipart/form-data with the file in the field "file"',
      );
    }
    const declared = Number(req.get('content-length'));
    if (Number.isFinite(declared) && declared > this.maxBytes + MULTIPART_OVERHEAD_BYTES) {
      // We will not read this body, so do not keep the connection to drain it either.
      req.res?.setHeader('Connection', 'close');
      throw this.tooLarge();
    }
  }

  async receive(
    req: Request,
    allowedFields: ReadonlySet<string> = TICKET_FIELDS,
  ): Promise<ReceivedUpload> {
    this.checkHeaders(req);
    await mkdir(this.tmpDir, { recursive: true });
    const middleware = multer({
      storage: new HashingTempStorage(this.tmpDir),
      defParamCharset: 'utf8',
      limits: {
        fileSize: this.maxBytes,
        files: 1,
        fields: 5,
        fieldSize: 1024,
        fieldNameSize: 100,
        parts: 6,
      },
    }).single('file');

    try {
      await new Promise<void>((resolve, reject) => {
        middleware(req, req.res as Response, (err?: unknown) => (err ? reject(err) : resolve()));
      });
    } catch (err) {
      // multer removes what it stored before failing; this only guards against a stray path.
      if (req.file?.path) await unlink(req.file.path).catch(() => undefined);
      throw this.toDomainError(err);
    }

    const file = req.file as (Express.Multer.File & TempFileInfo) | undefined;
    try {
      return {
        ...this.parseFile(file),
        fields: this.parseFields(req.body as Record<string, unknown>, allowedFields),
      };
    } catch (e) {
      if (file?.path) await unlink(file.path).catch(() => undefined);
      throw e;
    }
  }

  private parseFile(file: (Express.Multer.File & TempFileInfo) | undefined) {
    if (!file) {
      throw new InvalidInputError('The upload has no file', [
        { field: 'file', message: 'is required' },
      ]);
    }
    return {
      tempPath: file.path,
      originalName: file.originalname,
      sizeBytes: file.size,
      sha256: file.sha256,
    };
  }

  private parseFields(
    body: Record<string, unknown>,
    allowedFields: ReadonlySet<string>,
  ): ReceivedUpload['fields'] {
    for (const name of Object.keys(body)) {
      if (!allowedFields.has(name)) {
        throw new InvalidInputError('The upload has an unknown field', [
          { field: name, message: 'is not an allowed field' },
        ]);
      }
    }
    const { commentId, shared } = body;
    const fields: ReceivedUpload['fields'] = {};
    if (shared !== undefined) {
      if (shared !== 'true' && shared !== 'false') {
        throw new InvalidInputError('The upload has invalid fields', [
          { field: 'shared', message: 'must be true or false, given once' },
        ]);
      }
      fields.shared = shared === 'true';
    }
    if (commentId === undefined || commentId === '') return fields;
    if (typeof commentId !== 'string') {
      throw new InvalidInputError('The upload has invalid fields', [
        { field: 'commentId', message: 'must be given once' },
      ]);
    }
    if (!isUuid(commentId)) {
      throw new InvalidInputError('The upload has invalid fields', [
        { field: 'commentId', message: 'must be a UUID' },
      ]);
    }
    return { ...fields, commentId: commentId.toLowerCase() };
  }

  private tooLarge(): PayloadTooLargeError {
    return new PayloadTooLargeError(`The file is larger than the limit of ${this.maxBytes} bytes`, {
      maxBytes: this.maxBytes,
    });
  }

  private toDomainError(err: unknown): unknown {
    if (err instanceof multer.MulterError) {
      if (err.code === 'LIMIT_FILE_SIZE') return this.tooLarge();
      return new InvalidInputError(`The upload was refused: ${err.message}`, [
        { field: err.field ?? 'body', message: err.message },
      ]);
    }
    // A failing system call (disk full, permissions) is ours; anything else is a malformed or
    // aborted body from the client.
    if (err instanceof Error && 'syscall' in err) return err;
    return new InvalidInputError('The multipart body is malformed or incomplete');
  }
}
