/**
 * An inbound message as the rest of intake sees it: decoded, sanitized, classified. Produced by
 * `parseMail` (parse-mail.ts) from the raw RFC 822 bytes; never throws for bad input: what cannot
 * be parsed is still a ParsedMail with `problems` saying what went wrong and the raw text as body.
 */
export interface MailAddress {
  /** Lower-cased, trimmed. */
  address: string;
  /** Display name, decoded (RFC 2047), '' when none. */
  name: string;
}

export interface ParsedAttachment {
  filename: string;
  /** As declared by the message; not trusted for serving (see `dangerous`). */
  contentType: string;
  size: number;
  content: Buffer;
  /** An inline part (`multipart/related`, referenced from the HTML by `cid:`). */
  inline: boolean;
  /** Without angle brackets; null when the part has none. */
  contentId: string | null;
  /** An executable or double extension (`invoice.pdf.exe`), or a type that runs in a browser. */
  dangerous: boolean;
}

/** Why no automatic mail may answer this message (RFC 3834 and the headers of notes.md §2). */
export type AutoSubmittedReason =
  | 'auto-submitted'
  | 'precedence'
  | 'x-autoreply'
  | 'auto-response-suppress'
  | 'mailing-list'
  | 'empty-envelope-sender'
  | 'mailer-daemon';

export interface DeliveryStatusReport {
  /** Action: failed (permanent, 5.x.x) or delayed (4.x.x). */
  permanent: boolean;
  /** The report's Action, lower-cased (failed, delayed, delivered, relayed, expanded), or null. */
  action: string | null;
  /** The enhanced status code, e.g. 5.1.1. */
  status: string | null;
  finalRecipient: string | null;
  diagnostic: string | null;
  /** The bounced message's Message-ID (from the returned headers), without brackets. */
  originalMessageId: string | null;
}

export interface ParsedMail {
  /** Message-ID without brackets; a synthetic `sha256-<hex>@relaydesk.invalid` when missing. */
  messageId: string;
  messageIdSynthetic: boolean;
  /** In-Reply-To ids, without brackets (scanned as `<…>`, not split on spaces). */
  inReplyTo: string[];
  /** References ids, oldest first, without brackets; past 100, the root and the newest 99. */
  references: string[];
  /** Null only when the From header has no usable address. */
  from: MailAddress | null;
  /** Shown to agents when it differs from From; never the sender's identity. */
  replyTo: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  /** Delivered-To / X-Original-To / Envelope-To addresses (a plus-address may be there only). */
  deliveredTo: string[];
  /** Return-Path: '' for the null sender `<>`, null when absent. */
  returnPath: string | null;
  /** Decoded, unfolded, trimmed; '' when none. Not truncated here. */
  subject: string;
  date: Date | null;
  /** The whole plain text (decoded; from the HTML when the message has none). */
  text: string;
  /** The reply without quoted history and signature: what becomes the comment body. */
  strippedText: string;
  /** HTML after the allowlist sanitizer, remote images removed, cid: links kept as `cid:`. */
  html: string | null;
  attachments: ParsedAttachment[];
  /** Set when no automatic reply may go to the sender. */
  autoSubmitted: AutoSubmittedReason | null;
  /** A delivery status notification (bounce). */
  bounce: DeliveryStatusReport | null;
  /** Authentication-Results as recorded by the receiving server (a hint, never trusted). */
  authenticationResults: string | null;
  /**
   * Non-fatal problems met while parsing, each `<code>` or `<code>: <detail>`: unparseable,
   * parse-failed, multipart-boundary-recovered, multipart-without-parts, empty-multipart,
   * charset-guessed,
   * attachment-too-large, attachment-over-limit, invalid-date, message-id-missing,
   * no-from-address, multiple-from-headers, html-truncated.
   */
  problems: string[];
}

export interface ParseMailOptions {
  /** Parts beyond these are dropped with a problem noted (never an error). */
  maxAttachments: number;
  /** Per attachment (decoded size). */
  maxAttachmentBytes: number;
}
