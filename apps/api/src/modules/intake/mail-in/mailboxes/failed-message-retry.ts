import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sql } from '../../../../common/database/sql.js';
import { NotFoundError } from '../../../../common/errors/domain-errors.js';
import { Clock } from '../../../../common/time/clock.js';
import { MailIngestPort } from '../imap/mail-ingest-port.js';
import type { IngestOutcome } from '../ingest/ingest-types.js';

/**
 * "Retry" on a failed message: its stored raw copy goes through the ingest again (after a fix,
 * or when the failure was passing). Never loses it, whatever crashes when:
 * 1. the failed row gives up its unique keys (Message-ID and UID get a retry suffix / are
 *    cleared) but stays `failed`, raw included: a crash here leaves it listed, to retry again;
 * 2. the ingest files the raw copy as a new message (its own row, its own outcome);
 * 3. only then the old row is marked `discarded` with what the retry gave. A crash before this
 *    leaves both; a second retry then gets `duplicate` from the ingest and finishes step 3.
 */
@Injectable()
export class FailedMessageRetry {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly ingest: MailIngestPort,
  ) {}

  async retry(mailboxId: string, messageRowId: string): Promise<IngestOutcome> {
    const raw = await this.db.transaction(async (em) => {
      const [row] = await sql<{ raw: Buffer }>(
        em,
        `SELECT raw FROM inbound_messages
          WHERE id = $1 AND mailbox_id = $2 AND status = 'failed' FOR UPDATE`,
        [messageRowId, mailboxId],
      );
      if (!row) throw new NotFoundError('Failed message');
      await sql(
        em,
        `UPDATE inbound_messages
            SET message_id = left(message_id, 960) || '#retry-' || $2, uid = NULL, uid_validity = NULL
          WHERE id = $1`,
        [messageRowId, this.clock.now().getTime().toString(36)],
      );
      return row.raw;
    });
    const outcome = await this.ingest.ingest({ kind: 'http', mailboxId }, raw);
    await sql(
      this.db,
      `UPDATE inbound_messages SET status = 'discarded', reason = $2 WHERE id = $1`,
      [messageRowId, `Retried: ${outcome.result} (${outcome.inboundMessageId})`],
    );
    return outcome;
  }
}
