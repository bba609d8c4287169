import { copyFile, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  InjectConfig,
  storageConfig,
  type StorageConfig,
} from '../../../config/config-namespaces.js';
import { AttachmentStorage } from './attachment-storage.js';

const SAFE_KEY = /^[A-Za-z0-9-]{8,200}$/;

/**
 * Attachments as files under `<DATA_DIR>/attachments/<first 2 chars of key>/<key>`: the
 * two-character fan-out keeps any one directory small. Fine for one instance or a shared volume.
 */
@Injectable()
export class LocalDiskAttachmentStorage extends AttachmentStorage {
  private readonly root: string;

  constructor(@InjectConfig(storageConfig) config: StorageConfig) {
    super();
    this.root = join(config.dataDir, 'attachments');
  }

  async put(key: string, sourcePath: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(sourcePath, target);
    } catch (e) {
      // DATA_DIR/tmp and DATA_DIR/attachments on different file systems: copy instead.
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      await copyFile(sourcePath, target);
    }
  }

  async open(key: string): Promise<Readable> {
    const handle = await open(this.pathOf(key), 'r');
    return handle.createReadStream();
  }

  async remove(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  private pathOf(key: string): string {
    // Keys are ours (random UUIDs), but a key that could climb out of the root is refused anyway.
    if (!SAFE_KEY.test(key)) throw new Error(`Unsafe attachment storage key "${key}"`);
    return join(this.root, key.slice(0, 2), key);
  }
}
