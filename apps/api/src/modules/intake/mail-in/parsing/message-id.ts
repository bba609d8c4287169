import { createHash } from 'node:crypto';

/** Longer ids are refused: RFC 5322 lines stop at 998 characters, and a unique index holds them. */
const MAX_MESSAGE_ID_LENGTH = 998;

/**
 * A Message-ID as we store and compare it: no angle brackets, no folding whitespace, the domain
 * lower-cased (the local part is case-sensitive by RFC 5322). '' when nothing usable is left.
 */
export function normalizeMessageId(id: string): string {
  let value = id.replace(/[\s\u0000-\u001f\u007f]+/g, '');
  if (value.startsWith('<')) value = value.slice(1);
  if (value.endsWith('>')) value = value.slice(0, -1);
  if (value === '' || /[<>]/.test(value) || value.length > MAX_MESSAGE_ID_LENGTH) return '';
  const at = value.lastIndexOf('@');
  return at < 0 ? value : value.slice(0, at + 1) + value.slice(at + 1).toLowerCase();
}

/**
 * The ids of an In-Reply-To or References header, in header order, normalized and deduplicated.
 * Scanned as `<…>` because Exchange and iOS separate them with commas rather than spaces; a header
 * without any brackets (seen from broken clients) falls back to its `x@y` tokens.
 */
export function extractMessageIds(header: string | null | undefined): string[] {
  if (!header) return [];
  let candidates = [...header.matchAll(/<([^<>]*)>/g)].map((m) => m[1]);
  if (candidates.length === 0) {
    candidates = header.split(/[\s,;]+/).filter((token) => token.includes('@'));
  }
  const ids: string[] = [];
  for (const candidate of candidates) {
    const id = normalizeMessageId(candidate);
    if (id !== '' && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Stands in for a missing Message-ID: the same raw bytes always give the same id, so a re-fetched
 * copy still hits the dedupe key (notes.md §7).
 */
export function syntheticMessageId(raw: Buffer): string {
  return `sha256-${createHash('sha256').update(raw).digest('hex')}@relaydesk.invalid`;
}
