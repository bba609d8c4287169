import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

/** What the engine adds to multer's file object. */
export interface TempFileInfo {
  path: string;
  size: number;
  sha256: string;
}

interface RunningWrite {
  out: WriteStream;
  removed: boolean;
  /** Settles once the write has ended and, if it failed, its file is gone. */
  finished?: Promise<void>;
}

async function unlinkQuietly(path: string): Promise<void> {
  await unlink(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
}

/**
 * A multer storage engine that writes an upload to a temp file and hashes it on the way, so the
 * bytes are read once. It never leaves a partial file behind: a failed or aborted write removes
 * its file, and so does a removal that arrives while the write is still running.
 */
export class HashingTempStorage implements StorageEngine {
  /** Writes in progress, by temp path: multer hands `_removeFile` a copy of the file object. */
  private readonly running = new Map<string, RunningWrite>();

  constructor(private readonly dir: string) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    const path = join(this.dir, randomUUID());
    // multer cleans up after an abort only the files that already have a path.
    file.path = path;
    const written = this.write(file.stream, path);
    const running = this.running.get(path);
    if (running)
      running.finished = written.then(
        () => undefined,
        () => undefined,
      );
    written.then(
      (info) => callback(null, info as unknown as Partial<Express.Multer.File>),
      (err: unknown) => callback(err),
    );
  }

  _removeFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error: Error | null) => void,
  ): void {
    const running = file.path ? this.running.get(file.path) : undefined;
    if (running) {
      // Still writing: stop it, and answer only once the file is really gone, so multer's
      // error (and so the HTTP response) comes after the clean-up, not before it.
      running.removed = true;
      running.out.destroy();
      const path = file.path;
      (running.finished ?? Promise.resolve())
        .then(() => unlinkQuietly(path))
        .then(
          () => callback(null),
          (e: Error) => callback(e),
        );
    } else if (file.path) {
      unlinkQuietly(file.path).then(
        () => callback(null),
        (e: Error) => callback(e),
      );
    } else {
      callback(null);
    }
  }

  private async write(source: Readable, path: string): Promise<TempFileInfo> {
    const out = createWriteStream(path, { flags: 'wx' });
    const state: RunningWrite = { out, removed: false };
    this.running.set(path, state);
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        hash.update(chunk);
        size += chunk.length;
        next(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, out);
    } catch (err) {
      await unlinkQuietly(path).catch(() => undefined);
      throw err;
    } finally {
      this.running.delete(path);
    }
    if (state.removed) {
      await unlinkQuietly(path).catch(() => undefined);
      throw new Error('The upload was removed while it was being written');
    }
    return { path, size, sha256: hash.digest('hex') };
  }
}
