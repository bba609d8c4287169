/**
 * A minimal MIME walker over the raw bytes, for what mailparser does not expose: the undecoded bytes
 * of a text part (to guess an undeclared charset), the body of a multipart whose boundary never
 * occurs, and the parts of a delivery report. Strings here are latin1, one char per byte, so a
 * slice maps back to the exact bytes with `Buffer.from(s, 'latin1')`.
 */
export interface RawHeaders {
  /** Lower-cased name to the unfolded values, in header order. */
  get(name: string): string[];
}

export interface RawPart {
  headers: RawHeaders;
  /** `type/subtype`, lower-cased; `text/plain` when the part declares none (RFC 2045 §5.2). */
  contentType: string;
  params: Record<string, string>;
  /** The body as latin1, transfer encoding not yet undone. */
  body: string;
}

const MAX_DEPTH = 20;
const MAX_PARTS = 1000;

class HeaderMap implements RawHeaders {
  constructor(private readonly values: Map<string, string[]>) {}
  get(name: string): string[] {
    return this.values.get(name.toLowerCase()) ?? [];
  }
}

/** Splits a header block from its body: the first empty line ends the headers. */
export function splitHead(source: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(source);
  if (source.startsWith('\r\n') || source.startsWith('\n')) {
    return { head: '', body: source.replace(/^\r?\n/, '') };
  }
  if (!match) return { head: source, body: '' };
  return { head: source.slice(0, match.index), body: source.slice(match.index + match[0].length) };
}

export function parseHeaderBlock(head: string): RawHeaders {
  const values = new Map<string, string[]>();
  const unfolded = head.replace(/\r?\n(?=[ \t])/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const list = values.get(name) ?? [];
    list.push(line.slice(colon + 1).trim());
    values.set(name, list);
  }
  return new HeaderMap(values);
}

/** `type/subtype; a=b; c="d"` into its parts; enough for charset, boundary and report-type. */
export function parseContentType(value: string | undefined): {
  type: string;
  params: Record<string, string>;
} {
  if (!value) return { type: 'text/plain', params: {} };
  const [typePart, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  const paramText = rest.join(';');
  for (const m of paramText.matchAll(/([a-z0-9*_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/gi)) {
    params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  }
  const type = typePart.trim().toLowerCase();
  return {
    type: /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : 'text/plain',
    params,
  };
}

export function readPart(source: string): RawPart {
  const { head, body } = splitHead(source);
  const headers = parseHeaderBlock(head);
  const { type, params } = parseContentType(headers.get('content-type')[0]);
  return { headers, contentType: type, params, body };
}

/** The children of a multipart body; [] when the boundary never occurs (hostile-mails 14). */
export function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let partStart = -1;
  // indexOf rather than a split into lines: bodies carry multi-megabyte base64 attachments.
  for (let at = body.indexOf(delimiter); at >= 0; at = body.indexOf(delimiter, at + 1)) {
    if (at > 0 && body[at - 1] !== '\n') continue;
    let lineEnd = body.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = body.length;
    const rest = body.slice(at + delimiter.length, lineEnd).replace(/[ \t\r]+$/, '');
    if (rest !== '' && rest !== '--') continue;
    if (partStart >= 0) parts.push(body.slice(partStart, at).replace(/\r?\n$/, ''));
    if (rest === '--') return parts;
    partStart = lineEnd + 1;
  }
  if (partStart >= 0) parts.push(body.slice(partStart).replace(/\r?\n$/, ''));
  return parts;
}

/** Several readers walk the same tree; splitting a big message once is enough. */
const leafCache = new WeakMap<RawPart, RawPart[]>();

/** Every leaf of the tree, depth first; `message/*` parts are leaves (their bytes kept whole). */
export function leafParts(root: RawPart): RawPart[] {
  const cached = leafCache.get(root);
  if (cached) return cached;
  const leaves: RawPart[] = [];
  const visit = (part: RawPart, depth: number) => {
    if (leaves.length >= MAX_PARTS) return;
    if (part.contentType.startsWith('multipart/') && part.params.boundary && depth < MAX_DEPTH) {
      for (const child of splitMultipart(part.body, part.params.boundary)) {
        visit(readPart(child), depth + 1);
      }
      return;
    }
    leaves.push(part);
  };
  visit(root, 0);
  leafCache.set(root, leaves);
  return leaves;
}

/** The part's body with its Content-Transfer-Encoding undone. */
export function decodedBody(part: RawPart): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding')[0] ?? '').toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(part.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const text = part.body
      .replace(/[ \t]+(?=\r?\n)/g, '')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from(part.body, 'latin1');
}
