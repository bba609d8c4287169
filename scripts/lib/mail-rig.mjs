// A private Dovecot (IMAP + LMTP) for the mail tests and the mail-in benchmark: started per test
// file or bench run from scripts/lib/mail-rig.sh on free loopback ports, in a folder of its own
// under the repo's tmp/ (git ignores it), and stopped by its master PID afterwards.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const MAIL_RIG_USERS = {
  'support@helpdesk.test': 'support-pw',
  'alice@customer.test': 'alice-pw',
  'bob@customer.test': 'bob-pw',
};

/** Thrown when Dovecot is not installed: the message says what to install. */
export class MailRigMissingError extends Error {}

/** Whether the Debian packages the rig needs are here (the LMTP server is a separate one). */
export function mailRigAvailable() {
  const dovecot = ['/usr/sbin/dovecot', '/usr/bin/dovecot'].some((p) => existsSync(p));
  return dovecot && existsSync('/usr/lib/dovecot/imap') && existsSync('/usr/lib/dovecot/lmtp');
}

export const MAIL_RIG_INSTALL = 'apt-get install -y dovecot-imapd dovecot-lmtpd';

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a rig; resolves to its addresses and a `stop()` that stops exactly this Dovecot and
 * removes its folder. A port taken between choosing and binding is retried with new ones.
 */
export async function startMailRig({ repoDir }) {
  // The repository is passed in: this file is loaded both as ESM (bench) and through Jest's CJS
  // transform, which have no common way to know where the file is.
  const START = join(repoDir, 'scripts/lib/mail-rig.sh');
  const STOP = join(repoDir, 'scripts/lib/mail-rig-stop.sh');
  if (!mailRigAvailable()) {
    throw new MailRigMissingError(`Dovecot is missing for the mail tests: ${MAIL_RIG_INSTALL}`);
  }
  const base = join(repoDir, 'tmp');
  mkdirSync(base, { recursive: true, mode: 0o755 });
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = join(base, `mailrig-${process.pid}-${randomBytes(4).toString('hex')}`);
    const imapPort = await freePort();
    const lmtpPort = await freePort();
    try {
      await run('bash', [START], {
        env: {
          ...process.env,
          RIG_DIR: dir,
          IMAP_PORT: String(imapPort),
          LMTP_PORT: String(lmtpPort),
        },
        timeout: 30_000,
      });
    } catch (e) {
      lastError = e;
      await run('bash', [STOP, dir]).catch(() => undefined);
      continue;
    }
    let stopped = false;
    return {
      dir,
      host: '127.0.0.1',
      imapPort,
      lmtpPort,
      users: MAIL_RIG_USERS,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await run('bash', [STOP, dir], { timeout: 30_000 });
      },
    };
  }
  throw new Error(`Dovecot did not start: ${lastError?.stderr || lastError?.message}`);
}
