import { Injectable } from '@nestjs/common';
import { SecretUnreadableError } from '../../../../common/crypto/secret-box.js';
import { MailboxesService } from '../mailboxes/mailboxes.service.js';
import type { MailboxTestResultDto } from '../mailboxes/mailbox.dto.js';
import { closeImap, connectImap, describeImapError } from './imap-connection.js';

/** An admin waits for the answer: fail fast rather than hang the request. */
const TEST_TIMEOUTS = { connectMs: 10_000, socketMs: 20_000 };

/**
 * The admin's "Test connection": log in, open the folder read-only, count. A refusal is an
 * answer (ok: false and why), not a request error, and is recorded as the mailbox's last error
 * (the next successful poll clears it); nothing in the mailbox on the server changes.
 */
@Injectable()
export class MailboxConnectionTest {
  constructor(private readonly mailboxes: MailboxesService) {}

  async run(id: string): Promise<MailboxTestResultDto> {
    const result = await this.attempt(id);
    if (!result.ok) await this.mailboxes.recordTestFailure(id, result.error ?? 'failed');
    return result;
  }

  private async attempt(id: string): Promise<MailboxTestResultDto> {
    const started = Date.now();
    const took = () => Date.now() - started;
    let loaded;
    try {
      loaded = await this.mailboxes.forPoll(id);
    } catch (e) {
      if (!(e instanceof SecretUnreadableError)) throw e;
      return { ok: false, error: e.message, durationMs: took() };
    }
    const { row, imap } = loaded;
    let client;
    try {
      client = await connectImap(imap, TEST_TIMEOUTS);
    } catch (e) {
      return { ok: false, error: describeImapError(e, imap), durationMs: took() };
    }
    try {
      const status = await client.status(row.folder, {
        messages: true,
        unseen: true,
        uidValidity: true,
      });
      if (!status) {
        return { ok: false, error: `Folder "${row.folder}" does not exist`, durationMs: took() };
      }
      return {
        ok: true,
        messages: status.messages ?? 0,
        unseen: status.unseen ?? 0,
        uidValidity: status.uidValidity === undefined ? undefined : String(status.uidValidity),
        idle: client.capabilities.has('IDLE'),
        durationMs: took(),
      };
    } catch (e) {
      const why = describeImapError(e, imap);
      return {
        ok: false,
        error: `Folder "${row.folder}" cannot be opened: ${why}`,
        durationMs: took(),
      };
    } finally {
      await closeImap(client);
    }
  }
}
