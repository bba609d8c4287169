/**
 * The contract between the mail sources (IMAP poller, `POST /inbound-mail`) and the ingest: one
 * raw RFC 822 message in, one outcome out. The ingest never throws for a bad message: what it
 * cannot process is kept with status `failed` and reported as such, so a source may mark the
 * message as handled (move it to Processed or Failed) after any outcome but a thrown error.
 */
export type IngestSource =
  | {
      kind: 'imap';
      mailboxId: string;
      /** As a decimal string: imapflow gives a BigInt. */
      uidValidity: string;
      uid: number;
    }
  | {
      kind: 'http';
      /** Null: the installation's defaults (no mailbox row). */
      mailboxId: string | null;
    };

export type IngestResult =
  /** A new ticket. */
  | 'created'
  /** A comment on an existing ticket. */
  | 'replied'
  /** Seen before (same mailbox UID or same Message-ID): nothing happened. */
  | 'duplicate'
  /** Kept, no ticket: auto-submitted, a loop from our own address, an auto-reply to a ticket. */
  | 'ignored'
  /** Kept for staff to accept or discard (unknown sender, not allowed on the thread, rate limit). */
  | 'quarantined'
  /** Kept, the sender may not file; a polite reply went out (unless auto-submitted). */
  | 'refused'
  /** A delivery status notification: the delivery it reports on is marked. */
  | 'bounce'
  /** Parsing or processing failed: the raw message is kept with the error. */
  | 'failed';

export interface IngestOutcome {
  result: IngestResult;
  /** The `inbound_messages` row; for `duplicate`, the row seen before. */
  inboundMessageId: string;
  ticketId?: string;
  error?: string;
}
