import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { StorageConfig } from '../../config/namespaces/storage.config.js';
import { LocalDiskAttachmentStorage } from '../../modules/tickets/attachments/local-disk-attachment-storage.js';

/**
 * A 240×120 PNG drawn for the demo (a sensor, its reading at the top of the scale, a drop):
 * made here, so no licence question and nothing to copy into the build.
 */
const HUMIDITY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAPAAAAB4CAIAAABD1OhwAAAB+UlEQVR42u3dIQ7CQBBA0R6HQ/QkHALNEavR1QSBwOBbhQBCA50NO92XfL+T5sndaXe5X6XN1PkEAloCWgJaAlpAS0BLQEtAS0ALaAloCWgJaAno/A2nsVBAC2igBTTQegW9OwwhAS2gmwfdH/dNBTTQQAMNNNBAAw000EADDTTQQAMNNNBAAw000EADDTTQQC+DHm/ndAENNNBAAw000EADDTTQQAMNNNBAAw000EADDTTQQAMNNNBAAw000K2Cng8FGuiNgH6cCzTQ6UE/HQ000EADDXQdoN+eDjTQKUF/GABooIEGGuj/gV6cAWigc4D+ahKPZD2SrRr0D8MADXSNoFeOBDTQFYEOmQpooIEGGuho0FFThZgGGuhaNIeYBhpooIEGuozm9aaBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBBhpooIEG2l0OoIEGGmj3od2HBtqLFaCBBhpooL36BtpeDns5gLY5CWig7bYDGmg/DQIaaKCBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQY6MWgBDbSABroZ0OEBLaCBFtBAS0ALaF9BQEtAS0BLQAtoCWgJaAloCWgBLQEtAS0VaAKZmLWIrokTaAAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Stores the demo's picture as a file of the article, exactly as an upload is stored (a row of
 * kb_article_attachments, the bytes under a random key in DATA_DIR/attachments), and returns
 * the Markdown that shows it inline.
 */
export async function insertDemoKbImage(
  em: EntityManager,
  articleId: string,
  uploaderId: string,
  storage: StorageConfig,
): Promise<string> {
  const id = randomUUID();
  const key = randomUUID();
  const tmpDir = join(storage.dataDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `seed-${key}`);
  await writeFile(tmp, HUMIDITY_PNG);
  await new LocalDiskAttachmentStorage(storage).put(key, tmp);
  await em.query(
    `INSERT INTO kb_article_attachments
       (id, article_id, uploader_id, file_name, content_type, size_bytes, sha256, storage_key)
     VALUES ($1, $2, $3, 'humidity-sensor.png', 'image/png', $4, $5, $6)`,
    [
      id,
      articleId,
      uploaderId,
      HUMIDITY_PNG.length,
      createHash('sha256').update(HUMIDITY_PNG).digest('hex'),
      key,
    ],
  );
  return `![humidity-sensor.png](/api/v1/kb/articles/${articleId}/attachments/${id})`;
}
