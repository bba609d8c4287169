const MAX_NAME_LENGTH = 255;
const MAX_KEPT_EXTENSION = 20;
const FALLBACK_NAME = 'file';

// C0/C1 controls, and the bidi overrides/isolates that let "evil\u202Efdp.exe" pass for a PDF.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name an uploaded file is stored and offered under: the client's own name minus anything
 * that could steer a path or a terminal (directories, control and bidi characters), at most 255
 * characters (the column's size) with the extension kept when it has to be shortened.
 */
export function sanitizeFileName(raw: string | null | undefined): string {
  if (typeof raw !== 'string') return FALLBACK_NAME;
  // Some browsers send the full client-side path ("C:\\Users\\me\\report.pdf").
  const base = raw.split(/[/\\]/).pop() ?? '';
  const name = base.normalize('NFC').replace(UNSAFE_CHARS, '').trim();
  if (name === '' || /^\.+$/.test(name)) return FALLBACK_NAME;

  const chars = Array.from(name); // code points, as PostgreSQL counts varchar length
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length === 0 || ext.length > MAX_KEPT_EXTENSION) {
    return chars.slice(0, MAX_NAME_LENGTH).join('');
  }
  const stem = Array.from(name.slice(0, dot));
  return stem.slice(0, MAX_NAME_LENGTH - ext.length).join('') + ext.join('');
}

/**
 * `Content-Disposition: attachment` with both forms of the name (RFC 6266): a plain-ASCII
 * `filename` for old clients and the exact UTF-8 name in `filename*` (RFC 8187). `inline` is for
 * the few types a caller has decided a browser may show in place (article images).
 */
export function attachmentDisposition(
  fileName: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
