import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { toPublicAttachmentPath } from '../kb-attachment-paths.js';

/**
 * Authors' raw HTML is never passed through: markdown-it escapes it (`html: false`), and the
 * result goes through an allowlist anyway, so a parser quirk cannot smuggle markup to readers.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** http, https and mailto links; and links within this site (`/…`, `#…`). Nothing else. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:|\/(?![/\\])|#)/i;
/** Images from http(s) or this site only: no data: or other schemes. */
const SAFE_SRC = /^(?:https?:\/\/|\/(?![/\\]))/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'br', 'hr', 'blockquote', 'pre', 'code', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    ...['strong', 'em', 'b', 'i', 's', 'del', 'sub', 'sup', 'ul', 'ol', 'li', 'a', 'img'],
    ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
    code: ['class'],
  },
  allowedStyles: { '*': { 'text-align': [/^(?:left|right|center)$/] } },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs) => {
      const href = (attribs.href ?? '').trim();
      const safe = SAFE_HREF.test(href);
      return {
        tagName,
        attribs: {
          ...(safe ? { href } : {}),
          ...(attribs.title ? { title: attribs.title } : {}),
          rel: 'noopener noreferrer nofollow',
        },
      };
    },
    img: (tagName, attribs) => {
      const src = (attribs.src ?? '').trim();
      return {
        tagName,
        attribs: {
          ...(SAFE_SRC.test(src) ? { src } : {}),
          ...(attribs.alt ? { alt: attribs.alt } : {}),
          ...(attribs.title ? { title: attribs.title } : {}),
        },
      };
    },
  },
};

/** After the allowlist's own transform: an article file's URL becomes its public path. */
function toPublicFiles(
  attribute: string,
  transform: sanitizeHtml.Transformer,
): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const out = transform(tagName, attribs);
    const url = out.attribs[attribute];
    return url
      ? { ...out, attribs: { ...out.attribs, [attribute]: toPublicAttachmentPath(url) } }
      : out;
  };
}

const transforms = OPTIONS.transformTags as Record<'a' | 'img', sanitizeHtml.Transformer>;
/** The public KB's readers have no session: article files point at the public download path. */
const PUBLIC_OPTIONS: sanitizeHtml.IOptions = {
  ...OPTIONS,
  transformTags: {
    a: toPublicFiles('href', transforms.a),
    img: toPublicFiles('src', transforms.img),
  },
};

/** Who the HTML is for. */
export interface RenderOptions {
  /** An anonymous reader of the public KB. */
  publicReader?: boolean;
}

/** An article's Markdown as the HTML readers get: rendered, then sanitized by an allowlist. */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  return sanitizeHtml(markdown.render(source), options.publicReader ? PUBLIC_OPTIONS : OPTIONS);
}
