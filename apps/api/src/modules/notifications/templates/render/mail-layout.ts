import type { MailAction, MailBlock, MailContent } from '../content/mail-content.js';
import type { RenderedMail } from '../mail-data.js';
import { html, multilineHtml, type SafeHtml } from './html-escape.js';
import { checkedUrl } from './mail-links.js';

// Mail clients ignore <style> blocks and external sheets to various degrees, so every style is
// inline; one centred column of at most 600px, no images, no scripts, system fonts. Colours keep
// at least 4.5:1 contrast. The facts are a real (two-column) table: they are label/value pairs.

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const P = 'margin:0 0 16px;';
const BUTTON =
  'display:inline-block;margin:0 8px 8px 0;padding:10px 18px;border-radius:6px;' +
  'font-weight:bold;text-decoration:none;border:2px solid #1d4ed8;';
const PRIMARY = `${BUTTON}background-color:#1d4ed8;color:#ffffff;`;
const SECONDARY = `${BUTTON}background-color:#ffffff;color:#1d4ed8;`;

function blockHtml(block: MailBlock): SafeHtml {
  switch (block.type) {
    case 'paragraph':
      return html`<p style="${P}">${block.text}</p>`;
    case 'notice':
      return html`<p
        style="${P}padding:12px 16px;background-color:#fef3c7;border-left:4px solid #b45309;color:#78350f;font-weight:bold;"
      >
        ${block.text}
      </p>`;
    case 'facts':
      return html`<table style="${P}border-collapse:collapse;width:100%;font-size:15px;">
        ${block.rows.map(
          (r) =>
            html`<tr>
              <th
                scope="row"
                style="width:1%;padding:4px 16px 4px 0;text-align:left;vertical-align:top;font-weight:normal;color:#4b5563;white-space:nowrap;"
              >
                ${r.label}
              </th>
              <td style="padding:4px 0;vertical-align:top;color:#111827;overflow-wrap:anywhere;">
                ${r.value}
              </td>
            </tr>`,
        )}
      </table>`;
    case 'quote':
      return html`<p style="margin:0 0 4px;font-weight:bold;">${block.label}</p>
        <blockquote
          style="${P}padding:8px 12px;border-left:4px solid #9ca3af;background-color:#f9fafb;color:#111827;overflow-wrap:anywhere;"
        >
          ${multilineHtml(block.body)}
        </blockquote>`;
    case 'actions':
      return html`<p style="margin:24px 0 16px;">
        ${block.actions.map(
          (a) =>
            html`<a href="${checkedUrl(a.url)}" style="${a.primary ? PRIMARY : SECONDARY}"
              >${a.label}</a
            >`,
        )}
      </p>`;
  }
}

function footerLinkHtml(links: readonly MailAction[]): SafeHtml[] {
  return links.map(
    (l, i) =>
      html`${i > 0 ? ' · ' : ''}<a href="${checkedUrl(l.url)}" style="color:#1d4ed8;"
          >${l.label}</a
        >`,
  );
}

function toHtml(content: MailContent, lang: string): string {
  const page = html`<!DOCTYPE html>
    <html lang="${lang}" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>${content.subject}</title>
      </head>
      <body style="margin:0;padding:0;background-color:#f3f4f6;">
        <div
          role="article"
          aria-label="${content.subject}"
          lang="${lang}"
          style="max-width:600px;margin:0 auto;padding:24px 12px;${FONT}font-size:16px;line-height:1.5;color:#1f2937;"
        >
          <div
            style="background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;padding:24px;"
          >
            <h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#111827;">
              ${content.heading}
            </h1>
            ${content.blocks.map((b) => html`${blockHtml(b)} `)}
          </div>
          <div style="padding:16px 8px 0;font-size:13px;line-height:1.5;color:#4b5563;">
            <p style="margin:0 0 8px;">${content.reason}</p>
            ${content.footerLinks.length ? html`<p style="margin:0;">${footerLinkHtml(content.footerLinks)}</p>` : ''}
          </div>
        </div>
      </body>
    </html> `;
  return page.value;
}

function blockText(block: MailBlock): string {
  switch (block.type) {
    case 'paragraph':
    case 'notice':
      return block.text;
    case 'facts':
      return block.rows.map((r) => `${r.label}: ${r.value}`).join('\n');
    case 'quote':
      return `${block.label}\n${block.body
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n')}`;
    case 'actions':
      return block.actions.map((a) => `${a.label}: ${checkedUrl(a.url)}`).join('\n');
  }
}

function toText(content: MailContent): string {
  const parts = [content.heading, ...content.blocks.map(blockText)];
  // "-- " on a line of its own marks the signature: clients fold it away and leave it out of replies.
  const footer = [content.reason, ...content.footerLinks.map((l) => `${l.label}: ${l.url}`)];
  return `${parts.join('\n\n')}\n\n-- \n${footer.join('\n')}\n`;
}

/** Both parts of a mail from one description of it. */
export function renderLayout(content: MailContent, lang: string): RenderedMail {
  return { subject: content.subject, text: toText(content), html: toHtml(content, lang) };
}
