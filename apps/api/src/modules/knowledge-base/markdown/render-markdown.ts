import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

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

/** An article's Markdown as the HTML readers get: rendered, then sanitized by an allowlist. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), OPTIONS);
}
