import {
  parseAddressHeader,
  simpleParser,
  type AddressObject,
  type EmailAddress,
} from 'mailparser';
import type { ParsedMail as MailparserMail, SimpleParserOptions } from 'mailparser';
import { detectAutoSubmitted } from './auto-submitted';
import { isDangerousAttachment, safeFilename } from './attachment-policy';
import { guessDecode, hasHighBytes, isValidUtf8 } from './charset-guess';
import { detectBounce } from './delivery-status';
import { extractMessageIds, normalizeMessageId, syntheticMessageId } from './message-id';
import type { MailAddress, ParsedAttachment, ParsedMail, ParseMailOptions } from './parsed-mail';
import {
  decodedBody,
  leafParts,
  readPart,
  splitMultipart,
  type RawHeaders,
  type RawPart,
} from './raw-mime';
import { sanitizeMailHtml, htmlToPlainText } from './sanitize-mail-html';
import { stripReply } from './strip-reply';

export { extractMessageIds, normalizeMessageId } from './message-id';
export { REPLY_ABOVE_MARKER, REPLY_ABOVE_MARKERS, stripReply } from './strip-reply';

const PARSER_OPTIONS: SimpleParserOptions = {
  // cid: links stay for the caller to point at our own attachment URL (notes.md §5).
  keepCidLinks: true,
  // The DSN fields then stay out of `text`; the report is read from the MIME tree anyway.
  keepDeliveryStatus: true,
  // Text for an HTML-only message comes from the sanitized HTML (htmlToPlainText), not the raw one.
  skipHtmlToText: true,
  checksumAlgo: false,
  skipTextToHtml: true,
  skipTextLinks: true,
};

/** Postgres text cannot hold NUL; the other C0 controls have no business in a subject or name. */
function withoutNul(value: string): string {
  return value.replace(/\u0000/g, '');
}

function singleLine(value: string): string {
  return withoutNul(value)
    .replace(/\r?\n[ \t]*/g, ' ')
    .replace(/[\u0001-\u001f\u007f]/g, ' ')
    .trim();
}

/** Bytes that were 8-bit without a usable charset label read back through the charset guess. */
function repairHeader(decoded: string, rawValue: string | undefined): string {
  if (!decoded.includes('\uFFFD') || rawValue === undefined) return decoded;
  const bytes = Buffer.from(rawValue, 'latin1');
  if (!hasHighBytes(bytes) || isValidUtf8(bytes)) return decoded;
  return guessDecode(bytes).text;
}

function mailboxes(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const flat = (list: EmailAddress[]): EmailAddress[] =>
    list.flatMap((a) => (a.group ? flat(a.group) : [a]));
  return objects.flatMap((o) => flat(o.value ?? []));
}

function toMailAddress(entry: EmailAddress): MailAddress | null {
  const address = (entry.address ?? '').trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) return null;
  return { address: withoutNul(address), name: singleLine(entry.name ?? '') };
}

function addressList(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const seen = new Set<string>();
  const list: MailAddress[] = [];
  for (const entry of mailboxes(value)) {
    const address = toMailAddress(entry);
    if (address && !seen.has(address.address)) {
      seen.add(address.address);
      list.push(address);
    }
  }
  return list;
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): MailAddress | null {
  return addressList(value)[0] ?? null;
}

/** `<>` is the null sender (bounces, auto-replies): '' so that it differs from "no header". */
function parseReturnPath(headers: RawHeaders): string | null {
  const value = headers.get('return-path')[0];
  if (value === undefined) return null;
  const inner = /<([^<>]*)>/.exec(value)?.[1] ?? value;
  return inner.trim().toLowerCase();
}

function deliveredTo(headers: RawHeaders): string[] {
  const found: string[] = [];
  for (const name of ['delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to']) {
    for (const value of headers.get(name)) {
      for (const m of value.matchAll(/[^\s<>,;:"()]+@[^\s<>,;:"()]+/g)) {
        const address = m[0].toLowerCase();
        if (!found.includes(address)) found.push(address);
      }
    }
  }
  return found;
}

function parseDate(headers: RawHeaders, problems: string[]): Date | null {
  const value = headers.get('date')[0];
  if (value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    problems.push(`invalid-date: ${singleLine(value).slice(0, 100)}`);
    return null;
  }
  return date;
}

function isTextLeaf(part: RawPart): boolean {
  const disposition = (part.headers.get('content-disposition')[0] ?? '').toLowerCase();
  return (
    (part.contentType === 'text/plain' || part.contentType === 'text/html') &&
    !disposition.startsWith('attachment')
  );
}

/**
 * mailparser decodes a text part without a charset (or with a wrong us-ascii/utf-8 one) as UTF-8,
 * and 8-bit legacy text comes out as U+FFFD (hostile-mails 15). Such parts are decoded again from
 * their bytes with the guessed charset and put in place of mailparser's version.
 */
function repairUnlabeledText(
  root: RawPart,
  text: string,
  html: string | null,
  problems: string[],
): { text: string; html: string | null } {
  if (!text.includes('\uFFFD') && !(html ?? '').includes('\uFFFD')) return { text, html };
  const leaves = leafParts(root).filter(isTextLeaf);
  for (const part of leaves) {
    const charset = (part.params.charset ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
    if (!['', 'usascii', 'ascii', 'utf8'].includes(charset)) continue;
    const bytes = decodedBody(part);
    if (!hasHighBytes(bytes) || isValidUtf8(bytes)) continue;
    const guessed = guessDecode(bytes);
    const lossy = bytes.toString('utf8').replace(/\r\n/g, '\n').trim();
    const repaired = guessed.text.replace(/\r\n/g, '\n').trim();
    problems.push(
      `charset-guessed: ${guessed.charset} for a ${part.contentType} part labelled '${charset || 'none'}'`,
    );
    if (part.contentType === 'text/html') {
      if (html !== null) html = html.includes(lossy) ? html.split(lossy).join(repaired) : repaired;
    } else if (text.includes(lossy)) {
      text = text.split(lossy).join(repaired);
    } else if (leaves.filter((p) => p.contentType === 'text/plain').length === 1) {
      text = repaired;
    }
  }
  return { text, html };
}

function bodyAsText(part: RawPart): string {
  const bytes = decodedBody(part);
  return (isValidUtf8(bytes) ? bytes.toString('utf8') : guessDecode(bytes).text)
    .replace(/\r\n/g, '\n')
    .trim();
}

/** A multipart whose declared boundary never occurs in its body (or that declares none). */
function isBrokenMultipart(root: RawPart): boolean {
  if (!root.contentType.startsWith('multipart/')) return false;
  const boundary = root.params.boundary;
  return !boundary || splitMultipart(root.body, boundary).length === 0;
}

/**
 * Some clients write one boundary in the header and another in the body. When the body has a
 * `--x` line followed by part headers, the message is parsed again with that boundary.
 */
function recoverBoundary(raw: Buffer, root: RawPart): Buffer | null {
  const match = /(?:^|\n)--([^\s]{1,200}?)[ \t]*\r?\n(?:content-[a-z-]+:)/i.exec(root.body);
  if (!match) return null;
  const source = raw.toString('latin1');
  const bodyStart = source.length - root.body.length;
  const head = source
    .slice(0, bodyStart)
    .replace(
      /^content-type:.*(?:\r?\n[ \t].*)*$/im,
      `Content-Type: ${root.contentType}; boundary="${match[1]}"`,
    );
  return Buffer.from(head + root.body, 'latin1');
}

function convertAttachments(
  parsed: MailparserMail | null,
  html: string | null,
  options: ParseMailOptions,
  problems: string[],
): ParsedAttachment[] {
  const kept: ParsedAttachment[] = [];
  (parsed?.attachments ?? []).forEach((attachment, index) => {
    const contentType = (attachment.contentType || 'application/octet-stream').toLowerCase();
    const filename = withoutNul(safeFilename(attachment.filename, contentType, index));
    const content = attachment.content;
    const size = content.length;
    const contentId = attachment.cid ? normalizeMessageId(attachment.cid) || null : null;
    if (size > options.maxAttachmentBytes) {
      problems.push(
        `attachment-too-large: ${filename} (${size} bytes, limit ${options.maxAttachmentBytes})`,
      );
      return;
    }
    if (kept.length >= options.maxAttachments) {
      problems.push(
        `attachment-over-limit: ${filename} (limit ${options.maxAttachments} attachments)`,
      );
      return;
    }
    const referenced =
      contentId !== null && (html ?? '').toLowerCase().includes(`cid:${contentId.toLowerCase()}`);
    kept.push({
      filename,
      contentType,
      size,
      content,
      inline: contentId !== null && (attachment.related === true || referenced),
      contentId,
      dangerous:
        isDangerousAttachment(attachment.filename ?? filename, contentType) ||
        isDangerousAttachment(filename, contentType),
    });
  });
  return kept;
}

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

async function parse(original: Buffer, options: ParseMailOptions): Promise<ParsedMail> {
  const problems: string[] = [];
  let raw = original;
  let root = readPart(raw.toString('latin1'));
  let parsed = await parseWithMailparser(raw, problems);

  let fallbackText: string | null = null;
  if (isBrokenMultipart(root)) {
    const recovered = recoverBoundary(raw, root);
    const reparsed = recovered ? await parseWithMailparser(recovered, problems) : null;
    if (
      recovered &&
      reparsed &&
      ((reparsed.text ?? '').trim() !== '' || reparsed.html || reparsed.attachments.length > 0)
    ) {
      problems.push(
        `multipart-boundary-recovered: declared '${root.params.boundary ?? ''}', used the one in the body`,
      );
      raw = recovered;
      root = readPart(raw.toString('latin1'));
      parsed = reparsed;
    } else {
      problems.push(
        'multipart-without-parts: the declared boundary never occurs, raw body kept as text',
      );
      fallbackText = bodyAsText(root);
    }
  } else if (!parsed) {
    fallbackText = bodyAsText(root);
  }

  const headers = root.headers;
  const rawSubject = headers.get('subject')[0];
  const subject = singleLine(repairHeader(parsed?.subject ?? rawSubject ?? '', rawSubject));

  let from = parsed
    ? firstAddress(parsed.from)
    : firstAddress(parseAddressHeader(headers.get('from')[0] ?? ''));
  const rawFrom = headers.get('from')[0];
  if (from && from.name.includes('\uFFFD')) {
    const repaired = firstAddress(parseAddressHeader(repairHeader(from.name, rawFrom)));
    if (repaired) from = repaired;
  }
  if (!from) problems.push('no-from-address');

  const ids = extractMessageIds(headers.get('message-id').join(' '));
  const messageIdSynthetic = ids.length === 0;
  if (messageIdSynthetic) problems.push('message-id-missing: synthetic id from the raw bytes');
  const returnPath = parseReturnPath(headers);

  let text = fallbackText ?? withoutNul(parsed?.text ?? '').replace(/\r\n/g, '\n');
  let rawHtml = typeof parsed?.html === 'string' ? withoutNul(parsed.html) : null;
  if (fallbackText === null)
    ({ text, html: rawHtml } = repairUnlabeledText(root, text, rawHtml, problems));
  const html = rawHtml === null ? null : sanitizeMailHtml(rawHtml) || null;
  if (text.trim() === '' && html !== null) text = htmlToPlainText(html);
  text = withoutNul(text).trim();

  const messageId = messageIdSynthetic ? syntheticMessageId(original) : ids[0];
  return {
    messageId,
    messageIdSynthetic,
    inReplyTo: extractMessageIds(headers.get('in-reply-to').join(' ')),
    references: extractMessageIds(headers.get('references').join(' ')),
    from,
    replyTo: parsed ? firstAddress(parsed.replyTo) : null,
    to: parsed ? addressList(parsed.to) : [],
    cc: parsed ? addressList(parsed.cc) : [],
    deliveredTo: deliveredTo(headers),
    returnPath,
    subject,
    date: parseDate(headers, problems),
    text,
    strippedText: stripReply(text),
    html,
    attachments: convertAttachments(parsed, html, options, problems),
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

/**
 * Parses raw RFC 822 bytes into what intake needs (see ParsedMail). Never throws: a message that
 * cannot be read at all still comes back with its raw text as body and the reason in `problems`,
 * so that no mail is lost (notes.md §7).
 */
export async function parseMail(raw: Buffer, options: ParseMailOptions): Promise<ParsedMail> {
  try {
    return await parse(raw, options);
  } catch (error) {
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
}
