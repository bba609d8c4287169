import { Injectable, Logger } from '@nestjs/common';
import type { ImapFlow } from 'imapflow';
import { SecretUnreadableError } from '../../../../common/crypto/secret-box.js';
import {
  databaseConfig,
  InjectConfig,
  type DatabaseConfig,
} from '../../../../config/config-namespaces.js';
import { INBOUND_MAIL_MAX_BYTES } from '../http/inbound-mail-body.js';
import type { IngestResult } from '../ingest/ingest-types.js';
import { MailboxesService, type MailboxRow } from '../mailboxes/mailboxes.service.js';
import { closeImap, connectImap, describeImapError } from './imap-connection.js';
import { isInfrastructureError } from './ingest-throw-kind.js';
import { MailIngestPort } from './mail-ingest-port.js';
import { MailboxLease } from './mailbox-lease.js';

/** Messages fetched into memory at once, and moved together after their commits. */
const CHUNK = 25;
/** Messages one round takes from a search, so a full folder is handled in bounded rounds. */
const ROUND = 500;
/** Larger messages are moved to the failed folder unfetched (the HTTP pipe's limit too). */
const MAX_MESSAGE_BYTES = INBOUND_MAIL_MAX_BYTES;
/**
 * An ingest that throws (not: returns `failed`) this often for one message: set it aside. Throws
 * because the database is away, read-only or out of resources do not count (ingest-throw-kind).
 */
const MAX_THROWS = 3;

export interface PollResult {
  /** busy: another session (this or another instance) holds the mailbox. */
  status: 'done' | 'busy' | 'error';
  /** Messages fetched and handed to the ingest. */
  fetched: number;
  outcomes: Partial<Record<IngestResult, number>>;
  /** Moved to the failed folder because the ingest kept throwing on them. */
  setAside: number;
  /** The folder's UIDVALIDITY differs from the one stored: everything in it was looked at again. */
  uidValidityChanged: boolean;
  error?: string;
  /** What a pass that ended well set aside: kept as the mailbox's last error for admins. */
  notice?: string;
}

const newResult = (): PollResult => ({
  status: 'done',
  fetched: 0,
  outcomes: {},
  setAside: 0,
  uidValidityChanged: false,
});

/**
 * Takes the mail out of a support mailbox over IMAP, exactly once.
 *
 * - One session per mailbox across all instances: a MailboxLease (session advisory lock).
 * - By UID: every message still in the folder is a message to handle. Handled ones leave it
 *   (MOVE), so neither sequence numbers (they shift on expunge) nor \Seen (anyone reading the
 *   mailbox sets it) decide what is new. UIDVALIDITY and the highest UID are kept on the row.
 * - Per message: fetch the raw source, `ingest` (one transaction: the raw row under its unique
 *   keys, and the ticket or comment), and only after that commit flag \Seen and MOVE it to the
 *   processed folder; `failed` goes to the failed folder, its raw copy and error kept by the
 *   ingest. A crash between commit and move leaves the message in the folder: the next session
 *   fetches it again, the ingest answers `duplicate` (mailbox + UIDVALIDITY + UID, or the
 *   Message-ID after a UIDVALIDITY change) and it is moved then. Nothing is ever deleted.
 * - An ingest that throws leaves the message where it is and ends the session with the error
 *   recorded on the mailbox (the session is tried again after a backoff). When the database is
 *   away, read-only or out of resources that is all: those throws say nothing about the message.
 *   Other throws are counted per message in the database (across instances and restarts); at
 *   MAX_THROWS the message is moved to the failed folder so it cannot block the rest, and its
 *   raw copy and the error are kept among the mailbox's failed messages (Retry takes it again).
 */
@Injectable()
export class MailboxPoller {
  private readonly logger = new Logger(MailboxPoller.name);

  constructor(
    private readonly mailboxes: MailboxesService,
    private readonly ingest: MailIngestPort,
    @InjectConfig(databaseConfig) private readonly database: DatabaseConfig,
  ) {}

  /** The lease on `mailboxId`, or null when another session holds it. */
  lease(mailboxId: string): Promise<MailboxLease | null> {
    return MailboxLease.tryAcquire(
      this.database.databaseUrl,
      this.database.databaseConnectTimeoutMs,
      mailboxId,
    );
  }

  /**
   * One whole session: take the lease, log in, handle everything in the folder, log out.
   * Never throws for IMAP or ingest trouble: that is recorded on the mailbox and returned.
   */
  async pollOnce(mailboxId: string): Promise<PollResult> {
    const lease = await this.lease(mailboxId);
    if (!lease) return { ...newResult(), status: 'busy' };
    try {
      return await this.withClient(mailboxId, (client, row) => this.drain(client, row, lease));
    } finally {
      await lease.release();
    }
  }

  /**
   * Logs in to the mailbox, runs `work`, logs out; records the outcome on the row (last
   * success, or the last error in words an admin can act on).
   */
  async withClient(
    mailboxId: string,
    work: (client: ImapFlow, row: MailboxRow) => Promise<PollResult>,
  ): Promise<PollResult> {
    let loaded;
    try {
      loaded = await this.mailboxes.forPoll(mailboxId);
    } catch (e) {
      // Another SECRETS_KEY than the one that sealed it: say so on the mailbox, as for any error.
      if (!(e instanceof SecretUnreadableError)) throw e;
      await this.mailboxes.recordError(mailboxId, e.message);
      return { ...newResult(), status: 'error', error: e.message };
    }
    const { row, imap } = loaded;
    let client: ImapFlow;
    try {
      client = await connectImap(imap);
    } catch (e) {
      const error = describeImapError(e, imap);
      await this.mailboxes.recordError(mailboxId, error);
      return { ...newResult(), status: 'error', error };
    }
    try {
      await this.ensureFolders(client, [row.processed_folder, row.failed_folder]);
      const result = await work(client, row);
      if (result.status === 'error') await this.mailboxes.recordError(mailboxId, result.error!);
      else await this.mailboxes.recordSuccess(mailboxId, result.notice ?? null);
      return result;
    } catch (e) {
      const error = describeImapError(e, imap);
      await this.mailboxes.recordError(mailboxId, error).catch(() => undefined);
      this.logger.warn(`mailbox ${mailboxId}: ${error}`);
      return { ...newResult(), status: 'error', error };
    } finally {
      await closeImap(client);
    }
  }

  /** Handles every message in the folder, in UID order; stops early when the lease is lost. */
  async drain(client: ImapFlow, row: MailboxRow, lease: MailboxLease): Promise<PollResult> {
    const result = newResult();
    const lock = await client.getMailboxLock(row.folder);
    try {
      const opened = client.mailbox;
      if (!opened) throw new Error(`Folder "${row.folder}" could not be opened`);
      const uidValidity = String(opened.uidValidity);
      result.uidValidityChanged = row.uid_validity !== null && row.uid_validity !== uidValidity;
      if (row.uid_validity !== uidValidity) {
        await this.mailboxes.recordProgress(row.id, uidValidity, 0);
        await this.mailboxes.forgetThrows(row.id, uidValidity, 'other-validity');
      }
      // A message that cannot be moved stays in the folder: look at each UID once per session.
      const looked = new Set<number>();
      for (;;) {
        if (!(await lease.stillHeld())) break;
        const found = ((await client.search({ all: true }, { uid: true })) || [])
          .filter((uid) => !looked.has(uid))
          .sort((a, b) => a - b)
          .slice(0, ROUND);
        if (found.length === 0) break;
        for (let i = 0; i < found.length; i += CHUNK) {
          const chunk = found.slice(i, i + CHUNK);
          chunk.forEach((uid) => looked.add(uid));
          const error = await this.handleChunk(client, row, uidValidity, chunk, result);
          if (error) return { ...result, status: 'error', error };
        }
      }
      return result;
    } finally {
      lock.release();
    }
  }

  /** Fetch, ingest one by one, then move what committed; an error string ends the session. */
  private async handleChunk(
    client: ImapFlow,
    row: MailboxRow,
    uidValidity: string,
    uids: number[],
    result: PollResult,
  ): Promise<string | null> {
    const processed: number[] = [];
    const failed: number[] = [];
    // Sizes first: a message too large to hold is never fetched (it would fill the memory, or
    // break the connection on every try and block the folder). It is moved to the failed folder
    // whole, and its headers are kept with the reason, so admins see it among the failures.
    const sizes = await client.fetchAll(uids, { uid: true, size: true }, { uid: true });
    const tooLarge = sizes.filter((m) => (m.size ?? 0) > MAX_MESSAGE_BYTES).map((m) => m.uid);
    if (tooLarge.length > 0) {
      const heads = await client.fetchAll(tooLarge, { uid: true, headers: true }, { uid: true });
      for (const head of heads) {
        const size = sizes.find((m) => m.uid === head.uid)?.size ?? 0;
        await this.mailboxes.keepOversized(
          row.id,
          uidValidity,
          head.uid,
          head.headers ?? Buffer.alloc(0),
          size,
        );
        failed.push(head.uid);
        result.setAside++;
        result.fetched++;
        result.outcomes.failed = (result.outcomes.failed ?? 0) + 1;
      }
    }
    const wanted = uids.filter((uid) => !tooLarge.includes(uid));
    // Collected first: imapflow cannot run another command inside a running FETCH.
    const messages =
      wanted.length === 0
        ? []
        : await client.fetchAll(wanted, { uid: true, source: true }, { uid: true });
    messages.sort((a, b) => a.uid - b.uid);
    let error: string | null = null;
    for (const message of messages) {
      if (!message.source) continue;
      result.fetched++;
      try {
        const outcome = await this.ingest.ingest(
          { kind: 'imap', mailboxId: row.id, uidValidity, uid: message.uid },
          message.source,
        );
        result.outcomes[outcome.result] = (result.outcomes[outcome.result] ?? 0) + 1;
        (outcome.result === 'failed' ? failed : processed).push(message.uid);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        const setAside = await this.afterThrow(row, uidValidity, message.uid, message.source, e);
        if (setAside === 'set-aside') {
          failed.push(message.uid);
          result.setAside++;
          continue;
        }
        error = `Processing UID ${message.uid} failed (${why}); it stays in "${row.folder}" and is retried`;
        break;
      }
    }
    // After the commits only: a crash before this line leaves them to be fetched again.
    if (processed.length > 0) {
      await client.messageFlagsAdd(processed, ['\\Seen'], { uid: true });
      await client.messageMove(processed, row.processed_folder, { uid: true });
    }
    if (failed.length > 0) await client.messageMove(failed, row.failed_folder, { uid: true });
    const handled = [...processed, ...failed];
    if (handled.length > 0) {
      await this.mailboxes.recordProgress(row.id, uidValidity, Math.max(...handled));
      await this.mailboxes.forgetThrows(row.id, uidValidity, handled);
    }
    if (result.setAside > 0) {
      result.notice = `${result.setAside} message(s) set aside in "${row.failed_folder}": see the mailbox's failed messages`;
    }
    return error;
  }

  /**
   * Counts a throw of the ingest on one message, and at MAX_THROWS keeps its raw copy and the
   * error among the failed messages: then (only then) it may leave the folder. The database being
   * away is no fault of the message: not counted, and the session ends to be tried again later.
   */
  private async afterThrow(
    row: MailboxRow,
    uidValidity: string,
    uid: number,
    raw: Buffer,
    thrown: unknown,
  ): Promise<'set-aside' | 'retry'> {
    if (isInfrastructureError(thrown)) return 'retry';
    const why = thrown instanceof Error ? thrown.message : String(thrown);
    try {
      const count = await this.mailboxes.countThrow(row.id, uidValidity, uid, why);
      if (count < MAX_THROWS) return 'retry';
      await this.mailboxes.keepSetAside(
        row.id,
        uidValidity,
        uid,
        raw,
        `Set aside after ${count} failed attempts to process it: ${why}`,
      );
      this.logger.error(
        `mailbox ${row.id}: UID ${uid} set aside in "${row.failed_folder}" after ${count} failed attempts: ${why}`,
      );
      return 'set-aside';
    } catch (e) {
      // Neither counted nor kept: the message stays in the folder, which is never wrong.
      this.logger.warn(`mailbox ${row.id}: UID ${uid}: could not record the failure: ${String(e)}`);
      return 'retry';
    }
  }

  private async ensureFolders(client: ImapFlow, folders: string[]): Promise<void> {
    const existing = new Set((await client.list()).map((m) => m.path));
    for (const folder of new Set(folders)) {
      if (existing.has(folder)) continue;
      try {
        await client.mailboxCreate(folder);
      } catch (e) {
        // Another session may have created it meanwhile.
        if ((e as { serverResponseCode?: string }).serverResponseCode !== 'ALREADYEXISTS') throw e;
      }
    }
  }
}
