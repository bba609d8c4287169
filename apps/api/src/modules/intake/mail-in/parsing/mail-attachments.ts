import type { Attachment } from 'mailparser';
import { isDangerousAttachment, safeFilename } from './attachment-policy.js';
import { withoutNul } from './mail-addresses.js';
import type { ParsedAttachment, ParseMailOptions } from './parsed-mail.js';

/**
 * mailparser's attachments as intake stores them, within the limits: a part over
 * `maxAttachmentBytes`, or beyond `maxAttachments` kept ones, is dropped with a problem noted.
 */
export function convertAttachments(
  attachments: Attachment[],
  html: string | null,
  options: ParseMailOptions,
  problems: string[],
  repairedNames: Map<string, string> = new Map(),
): ParsedAttachment[] {
  const kept: ParsedAttachment[] = [];
  const lowerHtml = (html ?? '').toLowerCase();
  attachments.forEach((attachment, index) => {
    const contentType = (attachment.contentType || 'application/octet-stream').toLowerCase();
    const declared =
      attachment.filename && (repairedNames.get(attachment.filename) ?? attachment.filename);
    const filename = withoutNul(safeFilename(declared, contentType, index));
    const size = attachment.content.length;
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
    // Kept as written: the HTML refers to it by exact (case-sensitive) `cid:` URL.
    const contentId =
      withoutNul(attachment.cid ?? '')
        .replace(/^<|>$/g, '')
        .trim() || null;
    const referenced = contentId !== null && lowerHtml.includes(`cid:${contentId.toLowerCase()}`);
    kept.push({
      filename,
      contentType,
      size,
      content: attachment.content,
      inline: contentId !== null && (attachment.related === true || referenced),
      contentId,
      // The declared name too: safeFilename may have cut what made it dangerous.
      dangerous:
        isDangerousAttachment(declared ?? '', contentType) ||
        isDangerousAttachment(filename, contentType),
    });
  });
  return kept;
}
