import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live, by an opaque key. The database row is the source of truth for
 * everything else (name, type, size, hash); a store only keeps bytes, so local disk can be
 * swapped for an object store by providing another implementation of this class.
 */
export abstract class AttachmentStorage {
  /**
   * Stores the file at `sourcePath` under `key`. The caller still deletes `sourcePath`
   * afterwards; an implementation may move it instead of copying, so it must not rely on it.
   */
  abstract put(key: string, sourcePath: string): Promise<void>;

  /** The stored bytes; rejects when there is nothing under `key`. */
  abstract open(key: string): Promise<Readable>;

  /** Deletes what is stored under `key`; removing a missing key is not an error. */
  abstract remove(key: string): Promise<void>;
}
