import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { AttachmentStorage } from './attachment-storage.js';
import type { ReceivedUpload } from './attachment-upload.receiver.js';
import { sniffContentType } from './content-type-sniffer.js';
import { attachmentDisposition, sanitizeFileName } from './file-name.js';

/** What a file record gets from a received upload: its detected type, name and store key. */
export interface StoredUploadFacts {
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Stores a received upload and records it with `record` (the caller's transaction, which checks
 * the parent and its limits). Takes ownership of the temp file, gone when this returns or throws;
 * a refused record removes the stored copy, so a failure leaves neither a row nor bytes.
 * Records of other modules (contract documents, work entry files) use it, as the store is one.
 */
export async function storeUpload<T>(
  storage: AttachmentStorage,
  upload: ReceivedUpload,
  record: (facts: StoredUploadFacts) => Promise<T>,
): Promise<T> {
  try {
    const contentType = await sniffContentType(upload.tempPath);
    const storageKey = randomUUID();
    await storage.put(storageKey, upload.tempPath);
    try {
      return await record({
        storageKey,
        fileName: sanitizeFileName(upload.originalName),
        contentType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
      });
    } catch (e) {
      await storage.remove(storageKey).catch(() => undefined);
      throw e;
    }
  } finally {
    await unlink(upload.tempPath).catch(() => undefined);
  }
}

/** The only types a browser may show in place; everything else (SVG above all) downloads. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

export interface StoredFileContent {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  content: Readable;
}

/**
 * The download answer of a stored file, as ticket and article files are served: nosniff, a
 * sandboxing CSP, never cached (visibility can change), the safe images inline, the rest a
 * download with the exact UTF-8 name.
 */
export function serveStoredFile(file: StoredFileContent, res: Response): StreamableFile {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(file.content, {
    type: file.contentType,
    length: file.sizeBytes,
    disposition: attachmentDisposition(
      file.fileName,
      INLINE_IMAGE_TYPES.has(file.contentType) ? 'inline' : 'attachment',
    ),
  });
}
