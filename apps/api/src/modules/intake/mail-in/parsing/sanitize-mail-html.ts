import sanitizeHtml from 'sanitize-html';

/**
 * Mail HTML is hostile (notes.md §6): an allowlist, never a blocklist. Remote images are dropped
 * (tracking pixels, and they would leak the agent's IP); only `cid:` images stay, for the caller to
 * rewrite to our own attachment URL. No style at all: CSS can exfiltrate and overlay the UI.
 */
const ALLOWED_TAGS = [
  ...['p', 'div', 'span', 'br', 'hr', 'blockquote', 'pre', 'code', 'address', 'center'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...[
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'strike',
    'del',
    'ins',
    'sub',
    'sup',
    'small',
    'big',
    'mark',
    'font',
  ],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd'],
  ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col'],
  ...['a', 'img'],
];

const CELL_ATTRIBUTES = ['colspan', 'rowspan', 'align', 'valign', 'width', 'height'];

/**
 * Elements whose content must vanish with them rather than become text. Only ones that are always
 * closed in practice: an unclosed one would swallow the rest of the body.
 */
const NON_TEXT_TAGS = [
  ...['script', 'style', 'textarea', 'option', 'noscript', 'title', 'xmp', 'iframe'],
  ...['noembed', 'noframes', 'template', 'head'],
];

const SAFE_LINK = /^(?:https?:|mailto:)/i;
const CID_SOURCE = /^cid:[^\s"'<>]+$/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: CELL_ATTRIBUTES,
    th: CELL_ATTRIBUTES,
    table: ['border', 'cellpadding', 'cellspacing', 'width'],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    ol: ['start', 'type'],
    li: ['value'],
    font: ['color', 'size'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['cid'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
  parseStyleAttributes: false,
  // Outlook and list servers append text after </html>: keep it.
  enforceHtmlBoundary: false,
  transformTags: {
    // A relative link would resolve against the app's origin: keep only absolute safe ones.
    a: (tagName, attribs) => {
      const href = (attribs.href ?? '').trim();
      const kept: Record<string, string> = {};
      if (SAFE_LINK.test(href)) {
        kept.href = href;
        kept.rel = 'noopener noreferrer nofollow';
      }
      if (attribs.title) kept.title = attribs.title;
      return { tagName, attribs: kept };
    },
    // Renamed to a tag that is not allowed, so it is discarded. Not exclusiveFilter: that cuts the
    // whole output string back for every excluded tag, quadratic on a mail full of pixels.
    img: (tagName, attribs) =>
      CID_SOURCE.test((attribs.src ?? '').trim())
        ? { tagName, attribs }
        : { tagName: 'x-dropped-image', attribs: {} },
  },
};

export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCK_TAGS = new Set([
  ...['p', 'div', 'br', 'hr', 'blockquote', 'pre', 'address', 'center', 'h1', 'h2', 'h3'],
  ...['h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'caption'],
]);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text from sanitized HTML (its output is well-formed: every `<` in text is escaped), for a
 * message without a text part. Blockquotes become `> ` lines so the reply stripper removes them.
 */
export function htmlToPlainText(sanitized: string): string {
  const lines: string[] = [];
  let line = '';
  let quoteDepth = 0;
  let inPre = 0;
  let linkHref: string | null = null;
  let linkText = '';
  const flush = () => {
    const prefix = '> '.repeat(quoteDepth);
    lines.push(prefix + line.replace(/[ \t]+$/, ''));
    line = '';
  };
  for (const token of sanitized.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|[^<]+/gi)) {
    const [whole, closing, rawName] = token;
    if (!rawName) {
      const text = decodeEntities(whole);
      if (inPre) {
        const [first, ...rest] = text.split('\n');
        line += first;
        for (const next of rest) {
          flush();
          line = next;
        }
      } else {
        line += text
          .replace(/\s+/g, ' ')
          .replace(/^ /, line === '' || line.endsWith(' ') ? '' : ' ');
      }
      if (linkHref !== null) linkText += text;
      continue;
    }
    const name = rawName.toLowerCase();
    if (name === 'a') {
      // The agent must see where a link really goes, not only its text.
      if (!closing) {
        linkHref = /\shref="([^"]*)"/.exec(whole)?.[1] ?? null;
        linkText = '';
      } else if (linkHref !== null) {
        const href = decodeEntities(linkHref);
        const shown = linkText.trim().replace(/^mailto:/i, '');
        if (href !== linkText.trim() && href.replace(/^mailto:/i, '') !== shown)
          line += ` <${href}>`;
        linkHref = null;
      }
      continue;
    }
    if (name === 'pre') inPre += closing ? -1 : 1;
    if (name === 'td' || name === 'th') {
      if (closing) line += '\t';
      continue;
    }
    if (!BLOCK_TAGS.has(name)) continue;
    if (name === 'br' || line.trim() !== '') flush();
    else line = '';
    if (name === 'blockquote') quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
    if (name === 'li' && !closing) line = '- ';
  }
  if (line.trim() !== '') flush();
  return lines
    .join('\n')
    .replace(/\t+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
