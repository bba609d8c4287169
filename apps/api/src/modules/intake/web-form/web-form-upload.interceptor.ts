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
import { clientAddress } from '../../../common/http/throttling/throttlers.js';
import type { WebFormSettings } from './entities/web-form-settings.entity.js';
import { WebFormSubmissionsService } from './web-form-submissions.service.js';

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

const admitted = new WeakMap<Request, WebFormSettings>();

/**
 * Admits a submission, then reads a multipart one before validation sees its fields (a JSON one
 * passes untouched). First the cheap refusals: a closed form (404) and a network over its hourly
 * limit (429) before a byte of the body is read. Then at most MAX_FORM_FILES files in the field
 * `files`, each and all together at most ATTACHMENT_MAX_BYTES, as one ticket attachment may be.
 * A declared length over that is refused before a byte is read; the bytes actually received are
 * counted as they arrive (chunked, or a lying length) and the request is answered 413 as soon as
 * they pass the limit: memory never holds more than one request's allowance.
 */
@Injectable()
export class WebFormUploadInterceptor implements NestInterceptor {
  private readonly maxBytes: number;
  private readonly parse: (req: Request, res: Response, done: (e?: unknown) => void) => void;

  constructor(
    @InjectConfig(storageConfig) config: StorageConfig,
    private readonly submissions: WebFormSubmissionsService,
  ) {
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
    admitted.set(req, await this.submissions.admit(clientAddress(req), res));
    if (!req.is('multipart/form-data')) return next.handle();
    const declared = Number(req.get('content-length'));
    if (Number.isFinite(declared) && declared > this.maxBytes + MULTIPART_OVERHEAD_BYTES) {
      res.setHeader('Connection', 'close');
      throw this.tooLarge();
    }
    await this.read(req, res);
    const files = (req.files ?? []) as FormUpload[];
    if (files.reduce((sum, f) => sum + f.size, 0) > this.maxBytes) throw this.tooLarge();
    return next.handle();
  }

  private read(req: Request, res: Response): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let received = 0;
      const settle = (e?: Error) => {
        if (settled) return;
        settled = true;
        req.off('data', count);
        if (e) reject(e);
        else resolve();
      };
      // multer, on an error, reads the rest of the body before it calls back; a sender that
      // never stops would never be answered. So the 413 goes out at once, and the connection is
      // closed after it, which ends the upload (multer's late callback is ignored).
      const count = (chunk: Buffer) => {
        received += chunk.length;
        if (received > this.maxBytes + MULTIPART_OVERHEAD_BYTES) {
          res.setHeader('Connection', 'close');
          settle(this.tooLarge());
        }
      };
      this.parse(req, res, (e) => settle(e ? this.refusal(e) : undefined));
      req.on('data', count);
    });
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

/** The settings the interceptor admitted the submission under (it runs for every submission). */
export function admittedSettings(req: Request): WebFormSettings {
  const settings = admitted.get(req);
  if (!settings) throw new Error('WebFormUploadInterceptor did not run for this request');
  return settings;
}
