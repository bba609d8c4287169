import { createReadStream } from 'node:fs';
import { fileTypeFromFile } from 'file-type';

export const TEXT_PLAIN = 'text/plain; charset=utf-8';
export const OCTET_STREAM = 'application/octet-stream';

/**
 * The type of a stored file, decided from its bytes alone: what the client declares is never
 * trusted, since it is what a browser would later act on. Unknown binary is octet-stream.
 */
export async function sniffContentType(path: string): Promise<string> {
  const detected = await fileTypeFromFile(path);
  if (detected) return detected.mime;
  return (await isUtf8Text(path)) ? TEXT_PLAIN : OCTET_STREAM;
}

/** Valid UTF-8 throughout and no NUL byte, read in chunks so a large file is not held in memory. */
async function isUtf8Text(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) return false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return true;
  } catch (e) {
    // The decoder's "not UTF-8", by its code: `instanceof TypeError` fails when the error comes
    // from another realm (Node's internals under Jest's VM), and the upload then failed.
    if ((e as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return false;
    throw e;
  }
}
