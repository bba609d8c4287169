import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const REPO = join(__dirname, '../../../..');

interface MailRig {
  dir: string;
  host: string;
  imapPort: number;
  lmtpPort: number;
  users: Record<string, string>;
  stop(): Promise<void>;
}

/** The rig's starter is shared with the benchmark (scripts/lib/mail-rig.mjs), outside this project. */
async function startMailRig(): Promise<MailRig> {
  const lib = (await import(join(REPO, 'scripts/lib/mail-rig.mjs'))) as {
    startMailRig: (options: { repoDir: string }) => Promise<MailRig>;
  };
  return lib.startMailRig({ repoDir: REPO });
}

export interface DovecotRig {
  host: string;
  imapPort: number;
  lmtpPort: number;
  users: Record<string, string>;
  /** A logged-in IMAP client as `user` (the caller logs it out). */
  client: (user?: string) => Promise<ImapFlow>;
  /** APPENDs a raw message; resolves to its UID. */
  append: (raw: string | Buffer, folder?: string, user?: string) => Promise<number>;
  /** UIDs in a folder, ascending. */
  uids: (folder: string, user?: string) => Promise<number[]>;
  /** Message counts and UIDVALIDITY of a folder. */
  status: (
    folder: string,
    user?: string,
  ) => Promise<{ messages: number; unseen: number; uidValidity: string }>;
  stop: () => Promise<void>;
}

const SUPPORT = 'support@helpdesk.test';

/**
 * A private Dovecot for one test file (scripts/lib/mail-rig.sh on free loopback ports, in the
 * repo's tmp/): `beforeAll(async () => (rig = await startDovecotRig()))`, `afterAll(() => rig.stop())`.
 * Fails, never skips, when Dovecot is missing: the error says what to install.
 */
export async function startDovecotRig(): Promise<DovecotRig> {
  const rig = await startMailRig();
  const users = rig.users as Record<string, string>;
  const client = async (user = SUPPORT) => {
    const c = new ImapFlow({
      host: rig.host,
      port: rig.imapPort,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: users[user] },
      logger: false,
    });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  const withClient = async <T>(user: string, work: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = await client(user);
    try {
      return await work(c);
    } finally {
      await c.logout().catch(() => c.close());
    }
  };
  return {
    host: rig.host,
    imapPort: rig.imapPort,
    lmtpPort: rig.lmtpPort,
    users,
    client,
    append: (raw, folder = 'INBOX', user = SUPPORT) =>
      withClient(user, async (c) => {
        const res = await c.append(folder, raw, [], new Date());
        if (!res || !res.uid) throw new Error('APPEND gave no UID');
        return res.uid;
      }),
    uids: (folder, user = SUPPORT) =>
      withClient(user, async (c) => {
        const lock = await c.getMailboxLock(folder);
        try {
          const found = (await c.search({ all: true }, { uid: true })) || [];
          return found.sort((a, b) => a - b);
        } finally {
          lock.release();
        }
      }),
    status: (folder, user = SUPPORT) =>
      withClient(user, async (c) => {
        const s = await c.status(folder, { messages: true, unseen: true, uidValidity: true });
        if (!s) throw new Error(`no folder ${folder}`);
        return {
          messages: s.messages ?? 0,
          unseen: s.unseen ?? 0,
          uidValidity: String(s.uidValidity),
        };
      }),
    stop: () => rig.stop(),
  };
}
