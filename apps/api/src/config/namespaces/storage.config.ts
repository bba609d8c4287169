import { resolve } from 'node:path';
import { configNamespace, type ConfigType } from '../config-namespace.js';

export const storageConfig = configNamespace('storage', (env) => ({
  /** Embedded database, attachments, the development JWT secret. */
  dataDir: resolve(env.raw('DATA_DIR') || './.data'),
  attachmentMaxBytes: env.int('ATTACHMENT_MAX_BYTES', 25 * 1024 * 1024, 1024, 2 * 1024 ** 3),
}));
export type StorageConfig = ConfigType<typeof storageConfig>;
