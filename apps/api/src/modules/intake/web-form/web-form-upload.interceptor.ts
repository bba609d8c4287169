import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import {
  InjectConfig,
  storageConfig,
  type StorageConfig,
} from '../../../config/config-namespaces.js';
import { InvalidInputError, PayloadTooLargeError } from '../../../common/errors/domain-errors.js';

/** Files one request may carry. */
export const MAX_FORM_FILES = 5;
/** Room for the multipart framing and the text fields around the files. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
const FILES_FIELD = 'files';

/** A file of a multipart submission, in memory (bounded by the limits below). */
export interface FormUpload {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * Reads a multipart submission before validation sees its fields (a JSON one passes untouched):
 * at most MAX_FORM_FILES files in the field `files`, each and all together at most
 * ATTACHMENT_MAX_BYTES, as one ticket attachment may be. A declared length over that is refused
 * before a byte is read; multer stops a file (chunked, or lying) as soon as it passes its limit.
 */
@Injectable()
export class WebFormUploadInterceptor implements NestInterceptor {
  private readonly maxBytes: number;
  private readonly parse: (req: Request, res: Response, done: (e?: unknown) => void) => void;

  constructor(@InjectConfig(storageConfig) config: StorageConfig) {
    this.maxBytes = config.attachmentMaxBytes;
    this.parse = multer({
      storage: multer.memoryStorage(),
      limits: {
        files: MAX_FORM_FILES,
        fileSize: this.maxBytes,
        fields: 20,
        fieldSize: 64 * 1024,
        parts: MAX_FORM_FILES + 20,
      },
    }).array(FILES_FIELD, MAX_FORM_FILES);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!req.is('multipart/form-data')) return next.handle();
    const declared = Number(req.get('content-length'));
    if (Number.isFinite(declared) && declared > this.maxBytes + MULTIPART_OVERHEAD_BYTES) {
      res.setHeader('Connection', 'close');
      throw this.tooLarge();
    }
    await new Promise<void>((resolve, reject) =>
      this.parse(req, res, (e) => (e ? reject(this.refusal(e)) : resolve())),
    );
    const files = (req.files ?? []) as FormUpload[];
    if (files.reduce((sum, f) => sum + f.size, 0) > this.maxBytes) throw this.tooLarge();
    return next.handle();
  }

  private tooLarge(): PayloadTooLargeError {
    return new PayloadTooLargeError(
      `The files may be at most ${this.maxBytes} bytes together (${MAX_FORM_FILES} files at most)`,
    );
  }

  private refusal(e: unknown): Error {
    if (e instanceof multer.MulterError) {
      if (e.code === 'LIMIT_FILE_SIZE') return this.tooLarge();
      const field =
        e.code === 'LIMIT_FILE_COUNT' || e.code === 'LIMIT_UNEXPECTED_FILE'
          ? FILES_FIELD
          : (e.field ?? 'body');
      return new InvalidInputError(`The form could not be read: ${e.message}`, [
        {
          field,
          message: e.code === 'LIMIT_FILE_COUNT' ? `at most ${MAX_FORM_FILES} files` : e.message,
        },
      ]);
    }
    return new InvalidInputError('The form could not be read as multipart/form-data');
  }
}

/** The files the interceptor read (none for a JSON submission). */
export function formUploads(req: Request): FormUpload[] {
  return Array.isArray(req.files) ? (req.files as FormUpload[]) : [];
}
