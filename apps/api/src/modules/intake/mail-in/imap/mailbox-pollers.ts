import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ImapFlow } from 'imapflow';
import { ScheduledLoop, type LoopSummary } from '../../../../common/scheduling/scheduled-loop.js';
import { MailboxesService } from '../mailboxes/mailboxes.service.js';
import type { MailboxLease } from './mailbox-lease.js';
import { MailboxPoller, type PollResult } from './mailbox-poller.js';

/** Without IDLE (or when an EXISTS was missed), look again this often. */
export const POLL_INTERVAL_MS = 60_000;
const BACKOFF_MIN_MS = 5_000;
const BACKOFF_MAX_MS = 5 * 60_000;

interface Session {
  stop: () => void;
  done: Promise<void>;
}

/**
 * Keeps one long session per active mailbox in whichever instance holds its lease: log in, drain
 * the folder, then wait in IDLE (imapflow enters it when the connection is quiet) for the server
 * to announce new mail, or POLL_INTERVAL_MS at the latest, and drain again. A session that fails
 * (server away, password changed) records the error on the mailbox, drops its lease and is tried
 * again after a backoff that doubles up to 5 minutes. The supervising loop runs only where the
 * scheduler is on; tests drive MailboxPoller.pollOnce instead.
 */
@Injectable()
export class MailboxPollers implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MailboxPollers.name);
  private readonly sessions = new Map<string, Session>();
  private readonly backoff = new Map<string, { failures: number; until: number }>();
  private stopping = false;

  constructor(
    private readonly mailboxes: MailboxesService,
    private readonly poller: MailboxPoller,
  ) {}

  /** Starts a session for each active mailbox this instance may take; stops removed ones. */
  @ScheduledLoop('mail-in-mailboxes', 15_000)
  async supervise(): Promise<LoopSummary> {
    if (this.stopping) return null;
    const active = new Set(await this.mailboxes.activeIds());
    for (const [id, session] of this.sessions) if (!active.has(id)) session.stop();
    let started = 0;
    for (const id of active) {
      if (this.sessions.has(id) || (this.backoff.get(id)?.until ?? 0) > Date.now()) continue;
      const lease = await this.poller.lease(id);
      if (!lease) continue;
      this.start(id, lease);
      started++;
    }
    return started > 0 ? `mail-in: ${started} mailbox session(s) started` : null;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const running = [...this.sessions.values()];
    running.forEach((s) => s.stop());
    await Promise.all(running.map((s) => s.done));
  }

  private start(id: string, lease: MailboxLease): void {
    let stopped = false;
    let wake: () => void = () => undefined;
    const stop = () => {
      stopped = true;
      wake();
    };
    const done = (async () => {
      let version: number | null = null;
      try {
        const result = await this.poller.withClient(id, async (client, row) => {
          version = row.version;
          for (;;) {
            const pass = await this.poller.drain(client, row, lease);
            if (pass.status === 'error' || stopped || !lease.held) return pass;
            await this.mailboxes.recordSuccess(id, pass.notice ?? null);
            await this.waitForMail(client, (w) => (wake = w));
            if (stopped || !(await lease.stillHeld())) return pass;
            // Settings changed (folders, credentials): start over with the new ones.
            const current = await this.mailboxes.get(id).catch(() => null);
            if (!current || !current.active || current.version !== version) return pass;
          }
        });
        this.afterSession(id, result);
      } catch (e) {
        this.afterSession(id, {
          status: 'error',
          error: e instanceof Error ? e.message : String(e),
        } as PollResult);
      } finally {
        await lease.release();
        this.sessions.delete(id);
      }
    })();
    this.sessions.set(id, { stop, done });
  }

  /** Resolves on new mail (EXISTS, seen while IDLE), after POLL_INTERVAL_MS, or on stop. */
  private waitForMail(client: ImapFlow, setWake: (wake: () => void) => void): Promise<void> {
    return new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        client.off('exists', finish);
        client.off('close', finish);
        resolve();
      };
      const timer = setTimeout(finish, POLL_INTERVAL_MS);
      client.on('exists', finish);
      client.on('close', finish);
      setWake(finish);
    });
  }

  private afterSession(id: string, result: PollResult): void {
    if (result.status !== 'error') {
      this.backoff.delete(id);
      return;
    }
    const failures = (this.backoff.get(id)?.failures ?? 0) + 1;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (failures - 1));
    this.backoff.set(id, { failures, until: Date.now() + delay });
    if (failures === 1 || failures % 10 === 0) {
      this.logger.warn(`mailbox ${id}: ${result.error}; retrying in ${Math.round(delay / 1000)} s`);
    }
  }
}
