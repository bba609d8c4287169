import { parseAddressHeader, simpleParser } from 'mailparser';
import type { ParsedMail as MailparserMail, SimpleParserOptions } from 'mailparser';
import { detectAutoSubmitted } from './auto-submitted.js';
import {
  bodyAsText,
  isBrokenMultipart,
  recoverBoundary,
  repairHeader,
  repairUndeclaredCharsets,
  undeclaredFilenames,
} from './body-repair.js';
import { detectBounce } from './delivery-status.js';
import {
  addressList,
  deliveredTo,
  firstAddress,
  parseReturnPath,
  singleLine,
  withoutNul,
} from './mail-addresses.js';
import { convertAttachments } from './mail-attachments.js';
import { extractMessageIds, syntheticMessageId } from './message-id.js';
import type { MailAddress, ParsedMail, ParseMailOptions } from './parsed-mail.js';
import { readPart, type RawHeaders, type RawPart } from './raw-mime.js';
import { htmlToPlainText, sanitizeMailHtml } from './sanitize-mail-html.js';
import { isForwardSubject, stripReply } from './strip-reply.js';

export { extractMessageIds, normalizeMessageId } from './message-id.js';
export { REPLY_ABOVE_MARKER, REPLY_ABOVE_MARKERS, stripReply } from './strip-reply.js';

const PARSER_OPTIONS: SimpleParserOptions = {
  // cid: links stay for the caller to point at our own attachment URL (notes.md §5).
  keepCidLinks: true,
  // The DSN fields then stay out of `text`; the report is read from the MIME tree anyway.
  keepDeliveryStatus: true,
  // Text for an HTML-only message comes from the sanitized HTML (htmlToPlainText), not the raw one.
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  checksumAlgo: false,
};

async function parseWithMailparser(
  raw: Buffer,
  problems: string[],
): Promise<MailparserMail | null> {
  try {
    return await simpleParser(raw, PARSER_OPTIONS);
  } catch (error) {
    problems.push(`unparseable: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

interface Structure {
  root: RawPart;
  parsed: MailparserMail | null;
  /** Set when the MIME structure gave nothing and the raw body stands in as the text. */
  rawText: string | null;
}

/** mailparser's view, re-parsed with the body's boundary when the declared one never occurs. */
async function readStructure(raw: Buffer, problems: string[]): Promise<Structure> {
  const root = readPart(raw.toString('latin1'));
  const parsed = await parseWithMailparser(raw, problems);
  if (!isBrokenMultipart(root)) {
    return { root, parsed, rawText: parsed ? null : bodyAsText(root) };
  }
  const recovered = recoverBoundary(raw, root);
  const reparsed = recovered ? await parseWithMailparser(recovered, problems) : null;
  const hasContent =
    reparsed &&
    ((reparsed.text ?? '').trim() !== '' || reparsed.html || reparsed.attachments.length > 0);
  if (recovered && reparsed && hasContent) {
    problems.push(
      `multipart-boundary-recovered: declared '${root.params.boundary ?? ''}', used the one in the body`,
    );
    return {
      root: readPart(recovered.toString('latin1')),
      parsed: reparsed,
      rawText: null,
    };
  }
  problems.push(
    'multipart-without-parts: the declared boundary never occurs, raw body kept as text',
  );
  return { root, parsed, rawText: bodyAsText(root) };
}

/** Beyond this the thread root and the newest ids are kept: each id costs the caller a lookup. */
const MAX_REFERENCES = 100;

function capReferences(ids: string[]): string[] {
  return ids.length <= MAX_REFERENCES ? ids : [ids[0], ...ids.slice(-(MAX_REFERENCES - 1))];
}

function readFrom(headers: RawHeaders, parsed: MailparserMail | null): MailAddress | null {
  const rawFrom = headers.get('from')[0];
  const from = parsed ? firstAddress(parsed.from) : firstAddress(parseAddressHeader(rawFrom ?? ''));
  if (!from?.name.includes('\uFFFD')) return from;
  return firstAddress(parseAddressHeader(repairHeader(from.name, rawFrom))) ?? from;
}

function readDate(headers: RawHeaders, problems: string[]): Date | null {
  const value = headers.get('date')[0];
  if (value === undefined) return null;
  // Not mailparser's date: it falls back to "now" for a value it cannot read.
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    problems.push(`invalid-date: ${singleLine(value).slice(0, 100)}`);
    return null;
  }
  return date;
}

/**
 * Sanitizing costs about a second per megabyte here; no real mail needs more HTML than this, and
 * the raw message is kept by the caller anyway.
 */
const MAX_HTML_CHARS = 2 * 1024 * 1024;

/** Anything besides MIME structure: boundary lines, part headers, the usual preamble. */
function hasContent(rawBody: string): boolean {
  return rawBody
    .split('\n')
    .some(
      (line) =>
        !/^\s*$|^--\S*\s*$|^content-[a-z-]+:|^this is a multi-?part message in mime format/i.test(
          line,
        ),
    );
}

function readBody(
  { root, parsed, rawText }: Structure,
  problems: string[],
): { text: string; html: string | null } {
  if (rawText !== null) return { text: withoutNul(rawText), html: null };
  const repaired = repairUndeclaredCharsets(
    root,
    (parsed?.text ?? '').replace(/\r\n/g, '\n'),
    typeof parsed?.html === 'string' ? parsed.html : null,
    problems,
  );
  let rawHtml = repaired.html;
  if (rawHtml !== null && rawHtml.length > MAX_HTML_CHARS) {
    problems.push(`html-truncated: ${rawHtml.length} characters, kept ${MAX_HTML_CHARS}`);
    rawHtml = rawHtml.slice(0, MAX_HTML_CHARS);
  }
  const html = rawHtml === null ? null : withoutNul(sanitizeMailHtml(rawHtml)) || null;
  const text = repaired.text.trim() === '' && html !== null ? htmlToPlainText(html) : repaired.text;
  const emptyMultipart =
    text.trim() === '' &&
    html === null &&
    (parsed?.attachments.length ?? 0) === 0 &&
    root.contentType.startsWith('multipart/');
  // A broken nested multipart also parses to nothing: keep the raw body rather than lose it.
  const rawBody = emptyMultipart ? bodyAsText(root) : '';
  if (hasContent(rawBody)) {
    problems.push('empty-multipart: no readable part, raw body kept as text');
    return { text: withoutNul(rawBody), html: null };
  }
  return { text: withoutNul(text).trim(), html };
}

async function parse(original: Buffer, options: ParseMailOptions): Promise<ParsedMail> {
  const problems: string[] = [];
  const structure = await readStructure(original, problems);
  const { root, parsed } = structure;
  const headers = root.headers;

  const rawSubject = headers.get('subject')[0];
  const subject = singleLine(repairHeader(parsed?.subject ?? rawSubject ?? '', rawSubject));
  const from = readFrom(headers, parsed);
  if (!from) problems.push('no-from-address');
  // Clients disagree on which of two From headers they show: worth a flag for the agent.
  if (headers.get('from').length > 1) problems.push('multiple-from-headers: the first one is used');
  const ids = extractMessageIds(headers.get('message-id')[0]);
  const messageIdSynthetic = ids.length === 0;
  if (messageIdSynthetic) problems.push('message-id-missing: synthetic id from the raw bytes');
  // The id of the bytes as received, whatever was repaired, so a re-fetch gives the same one.
  const messageId = messageIdSynthetic ? syntheticMessageId(original) : ids[0];
  const returnPath = parseReturnPath(headers);
  const date = readDate(headers, problems);
  const { text, html } = readBody(structure, problems);

  return {
    messageId,
    messageIdSynthetic,
    inReplyTo: extractMessageIds(headers.get('in-reply-to').join(' ')),
    references: capReferences(extractMessageIds(headers.get('references').join(' '))),
    from,
    replyTo: parsed ? firstAddress(parsed.replyTo) : null,
    to: parsed ? addressList(parsed.to) : [],
    cc: parsed ? addressList(parsed.cc) : [],
    deliveredTo: deliveredTo(headers),
    returnPath,
    subject,
    date,
    text,
    strippedText: stripReply(text, { forwarded: isForwardSubject(subject) }),
    html,
    attachments: convertAttachments(
      parsed?.attachments ?? [],
      html,
      options,
      problems,
      undeclaredFilenames(root),
    ),
    autoSubmitted: detectAutoSubmitted(headers, from?.address ?? null, returnPath),
    bounce: detectBounce(root, headers, {
      messageId,
      fromAddress: from?.address ?? null,
      returnPath,
      subject,
    }),
    // The topmost one is our own receiving server's; lower ones may come from the sender.
    authenticationResults: headers.get('authentication-results')[0] ?? null,
    problems,
  };
}

/** What is left when even the walker failed: the raw text, so that no mail is lost. */
function unparsed(raw: Buffer, error: unknown): ParsedMail {
  const source = raw.toString('utf8');
  const text = withoutNul(source).replace(/\r\n/g, '\n').trim();
  const ids = extractMessageIds(/^message-id:[ \t]*(.*)$/im.exec(source)?.[1] ?? '');
  return {
    messageId: ids[0] ?? syntheticMessageId(raw),
    messageIdSynthetic: ids.length === 0,
    inReplyTo: [],
    references: [],
    from: null,
    replyTo: null,
    to: [],
    cc: [],
    deliveredTo: [],
    returnPath: null,
    subject: '',
    date: null,
    text,
    strippedText: text,
    html: null,
    attachments: [],
    autoSubmitted: null,
    bounce: null,
    authenticationResults: null,
    problems: [`parse-failed: ${error instanceof Error ? error.message : String(error)}`],
  };
}

/**
 * Parses raw RFC 822 bytes into what intake needs (see ParsedMail). Never throws: a message that
 * cannot be read still comes back, with its raw text as body and the reason in `problems`, so
 * that no mail is lost (notes.md §7).
 */
export async function parseMail(raw: Buffer, options: ParseMailOptions): Promise<ParsedMail> {
  try {
    return await parse(raw, options);
  } catch (error) {
    return unparsed(raw, error);
  }
}
