import { guessDecode, hasHighBytes, isValidUtf8 } from './charset-guess.js';
import {
  decodedBody,
  leafParts,
  parseContentType,
  splitMultipart,
  type RawPart,
} from './raw-mime.js';

/** Labels that say nothing about 8-bit bytes (mailparser then decodes them as UTF-8). */
const NON_LABELS = new Set(['', 'usascii', 'ascii', 'utf8', 'unknown8bit', 'xunknown', 'default']);

/** A label we cannot decode ourselves (unknown, or UTF-7 that mailparser refuses) is no label. */
function isUsableLabel(charset: string): boolean {
  const compact = charset.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (NON_LABELS.has(compact) || compact.startsWith('utf7')) return false;
  try {
    new TextDecoder(charset);
    return true;
  } catch {
    return false;
  }
}

/** 8-bit bytes that are not UTF-8, read back through the charset guess; null when not such. */
export function guessUndeclared(bytes: Buffer): ReturnType<typeof guessDecode> | null {
  return hasHighBytes(bytes) && !isValidUtf8(bytes) ? guessDecode(bytes) : null;
}

/** A header value mailparser decoded with U+FFFD, decoded again from its raw (latin1) bytes. */
export function repairHeader(decoded: string, rawValue: string | undefined): string {
  if (!decoded.includes('\uFFFD') || rawValue === undefined) return decoded;
  return guessUndeclared(Buffer.from(rawValue, 'latin1'))?.text ?? decoded;
}

function isTextLeaf(part: RawPart): boolean {
  const disposition = (part.headers.get('content-disposition')[0] ?? '').toLowerCase();
  return (
    (part.contentType === 'text/plain' || part.contentType === 'text/html') &&
    !disposition.startsWith('attachment')
  );
}

/**
 * mailparser decodes a text part without a usable charset as UTF-8, and 8-bit legacy text comes
 * out as U+FFFD (hostile-mails 15). Such parts are decoded again from their bytes with the guessed
 * charset and put in place of mailparser's version of them.
 */
export function repairUndeclaredCharsets(
  root: RawPart,
  text: string,
  html: string | null,
  problems: string[],
): { text: string; html: string | null } {
  if (!text.includes('\uFFFD') && !(html ?? '').includes('\uFFFD')) return { text, html };
  const leaves = leafParts(root).filter(isTextLeaf);
  const plainParts = leaves.filter((p) => p.contentType === 'text/plain').length;
  for (const part of leaves) {
    const label = part.params.charset ?? '';
    if (isUsableLabel(label)) continue;
    const bytes = decodedBody(part);
    const guessed = guessUndeclared(bytes);
    if (!guessed) continue;
    const lossy = bytes.toString('utf8').replace(/\r\n/g, '\n').trim();
    const repaired = guessed.text.replace(/\r\n/g, '\n').trim();
    problems.push(
      `charset-guessed: ${guessed.charset} for a ${part.contentType} part labelled '${label || 'none'}'`,
    );
    if (part.contentType === 'text/html') {
      if (html !== null) html = html.includes(lossy) ? html.split(lossy).join(repaired) : repaired;
    } else if (text.includes(lossy)) {
      text = text.split(lossy).join(repaired);
    } else if (plainParts === 1) {
      text = repaired;
    }
  }
  return { text, html };
}

/** The whole body of a part as text, for when MIME structure could not be used. */
export function bodyAsText(part: RawPart): string {
  const bytes = decodedBody(part);
  return (guessUndeclared(bytes)?.text ?? bytes.toString('utf8')).replace(/\r\n/g, '\n').trim();
}

/** A multipart whose declared boundary never occurs in its body (or that declares none). */
export function isBrokenMultipart(root: RawPart): boolean {
  if (!root.contentType.startsWith('multipart/')) return false;
  const boundary = root.params.boundary;
  return !boundary || splitMultipart(root.body, boundary).length === 0;
}

/**
 * Some clients write one boundary in the header and another in the body (hostile-mails 14). When
 * the body has a `--x` line followed by part headers, the message with that boundary declared.
 */
export function recoverBoundary(raw: Buffer, root: RawPart): Buffer | null {
  const match = /(?:^|\n)--([^\s"]{1,200}?)[ \t]*\r?\n(?:content-[a-z-]+:)/i.exec(root.body);
  if (!match) return null;
  const source = raw.toString('latin1');
  const head = source
    .slice(0, source.length - root.body.length)
    .replace(
      /^content-type:.*(?:\r?\n[ \t].*)*$/im,
      `Content-Type: ${root.contentType}; boundary="${match[1]}"`,
    );
  return Buffer.from(head + root.body, 'latin1');
}

/**
 * File names written as raw 8-bit legacy bytes (no RFC 2231/2047 encoding): mailparser reads them
 * as latin1 ("Ñ÷¸ò.pdf") or UTF-8 with U+FFFD. Maps both readings to the guessed one.
 */
export function undeclaredFilenames(root: RawPart): Map<string, string> {
  const names = new Map<string, string>();
  for (const part of leafParts(root)) {
    for (const header of ['content-disposition', 'content-type']) {
      const { params } = parseContentType(
        `x/x; ${part.headers.get(header)[0]?.split(';').slice(1).join(';') ?? ''}`,
      );
      for (const value of [params.filename, params.name]) {
        if (!value) continue;
        const bytes = Buffer.from(value, 'latin1');
        const guessed = guessUndeclared(bytes);
        if (!guessed) continue;
        names.set(value, guessed.text);
        names.set(bytes.toString('utf8'), guessed.text);
      }
    }
  }
  return names;
}
