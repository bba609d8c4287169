import pg from 'pg';

/**
 * "Only one instance polls this mailbox": a PostgreSQL session advisory lock, held on a
 * connection of its own (not a pooled one, which would be handed to other work and could unlock
 * or keep the lock by accident). The lock lives exactly as long as that connection: a crashed or
 * killed instance drops it and another takes over at its next try, with no expiry to tune.
 */
export class MailboxLease {
  private lost = false;

  private constructor(
    private readonly client: pg.Client,
    readonly mailboxId: string,
  ) {
    client.on('error', () => (this.lost = true));
    client.on('end', () => (this.lost = true));
  }

  /** The lease, or null when another session holds it. */
  static async tryAcquire(
    databaseUrl: string,
    connectTimeoutMs: number,
    mailboxId: string,
  ): Promise<MailboxLease | null> {
    const client = new pg.Client({
      connectionString: databaseUrl,
      connectionTimeoutMillis: connectTimeoutMs,
      application_name: 'relaydesk-mailbox-poller',
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ got: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got',
        [lockKey(mailboxId)],
      );
      if (rows[0]?.got) return new MailboxLease(client, mailboxId);
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    await client.end().catch(() => undefined);
    return null;
  }

  /** False once the connection broke: the lock is gone and another instance may poll. */
  get held(): boolean {
    return !this.lost;
  }

  /** Checks the connection is still there (and with it the lock). */
  async stillHeld(): Promise<boolean> {
    if (this.lost) return false;
    try {
      await this.client.query('SELECT 1');
      return true;
    } catch {
      this.lost = true;
      return false;
    }
  }

  async release(): Promise<void> {
    // Closing the session releases every advisory lock it holds.
    this.lost = true;
    await this.client.end().catch(() => undefined);
  }
}

export const lockKey = (mailboxId: string) => `relaydesk:mailbox-poll:${mailboxId}`;
