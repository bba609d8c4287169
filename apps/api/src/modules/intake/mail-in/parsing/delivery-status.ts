import { extractMessageIds } from './message-id.js';
import type { DeliveryStatusReport } from './parsed-mail.js';
import {
  decodedBody,
  leafParts,
  parseHeaderBlock,
  splitHead,
  type RawHeaders,
  type RawPart,
} from './raw-mime.js';

const STATUS_CODE = /\b([245]\.\d{1,3}\.\d{1,3})\b/;

function field(block: RawHeaders, name: string): string | null {
  const value = block.get(name)[0];
  return value === undefined || value === '' ? null : value;
}

/** `rfc822; gone@customer.test` → `gone@customer.test`. */
function recipientOf(value: string | null): string | null {
  if (!value) return null;
  const address = (value.includes(';') ? value.slice(value.indexOf(';') + 1) : value).trim();
  return address.replace(/^<|>$/g, '').toLowerCase() || null;
}

/** The returned message's own Message-ID, from its header block (not the bounce's). */
function originalMessageId(part: RawPart): string | null {
  const text = decodedBody(part).toString('latin1');
  const headers = parseHeaderBlock(splitHead(text.replace(/^\s+/, '')).head);
  return extractMessageIds(headers.get('message-id')[0])[0] ?? null;
}

/**
 * RFC 3464: the per-recipient blocks of `message/delivery-status` (per-message block first, blank
 * lines between). A failed recipient wins over a delayed one: it is the one that needs action.
 */
function fromDeliveryStatus(statusPart: RawPart, tree: RawPart[]): DeliveryStatusReport {
  const blocks = decodedBody(statusPart)
    .toString('latin1')
    .split(/\r?\n(?:[ \t]*\r?\n)+/)
    .map((block) => parseHeaderBlock(block))
    .filter((block) => block.get('final-recipient').length > 0 || block.get('action').length > 0);
  const recipient =
    blocks.find((b) => (field(b, 'action') ?? '').toLowerCase().startsWith('failed')) ??
    blocks.find((b) => (field(b, 'action') ?? '').toLowerCase().startsWith('delayed')) ??
    blocks[0];
  const action = (recipient && field(recipient, 'action'))?.toLowerCase() ?? '';
  const status = (recipient && STATUS_CODE.exec(field(recipient, 'status') ?? '')?.[1]) ?? null;
  const returned = tree.find((p) =>
    /^(?:text\/rfc822-headers|message\/(?:rfc822|global|global-headers))$/.test(p.contentType),
  );
  return {
    permanent: action ? action.startsWith('failed') : (status ?? '').startsWith('5'),
    action: action.split(/[\s(;]/)[0] || null,
    status,
    finalRecipient: recipient
      ? recipientOf(field(recipient, 'final-recipient') ?? field(recipient, 'original-recipient'))
      : null,
    diagnostic: recipient ? field(recipient, 'diagnostic-code') : null,
    originalMessageId: returned ? originalMessageId(returned) : null,
  };
}

const BOUNCE_SUBJECT =
  /^(?:undeliver|delivery (?:status|failure|has failed)|undelivered mail returned|returned mail|mail delivery (?:failed|failure|system)|failure notice|non[- ]?delivery)/i;

/**
 * A delivery status notification, or null. The standard report is read from the MIME tree; a
 * non-standard bounce (Exim's X-Failed-Recipients, a MAILER-DAEMON mail with a bounce subject) is
 * recognised the way osTicket does it, with the status and original id scanned from the body.
 */
export function detectBounce(
  root: RawPart,
  topHeaders: RawHeaders,
  context: {
    messageId: string;
    fromAddress: string | null;
    returnPath: string | null;
    subject: string;
  },
): DeliveryStatusReport | null {
  const tree = leafParts(root);
  const statusPart = tree.find(
    (p) =>
      p.contentType === 'message/delivery-status' ||
      p.contentType === 'message/global-delivery-status',
  );
  if (statusPart) return fromDeliveryStatus(statusPart, tree);

  const failed = topHeaders.get('x-failed-recipients');
  const systemSender =
    context.returnPath === '' || /^(?:mailer-daemon|postmaster)@/i.test(context.fromAddress ?? '');
  // A report that says it is a DSN but whose status part is missing or mangled.
  const declaredReport =
    root.contentType === 'multipart/report' &&
    /^delivery-status$/i.test((root.params['report-type'] ?? '').trim());
  const bySubject = systemSender && BOUNCE_SUBJECT.test(context.subject.trim());
  if (failed.length === 0 && !declaredReport && !bySubject) return null;

  const body = tree
    .map((p) =>
      p.contentType.startsWith('text/') || p.contentType.startsWith('message/')
        ? decodedBody(p).toString('latin1')
        : '',
    )
    .join('\n');
  const statusLine = body.split(/\r?\n/).find((line) => STATUS_CODE.test(line));
  const status = statusLine ? STATUS_CODE.exec(statusLine)![1] : null;
  const ids = [...body.matchAll(/^Message-ID:\s*(<[^>\r\n]+>)/gim)]
    .map((m) => extractMessageIds(m[1])[0])
    .filter((id) => id && id !== context.messageId);
  const firstFailed = failed
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .find((v) => v !== '');
  return {
    // Exim sets X-Failed-Recipients only once it has given up; a bare 4.x.x means "still trying".
    permanent: status ? status.startsWith('5') : true,
    action: null,
    status,
    finalRecipient: firstFailed ? recipientOf(firstFailed) : null,
    diagnostic: statusLine ? statusLine.trim() : null,
    originalMessageId: ids[0] ?? null,
  };
}
