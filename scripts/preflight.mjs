// First step of `npm test`: when the embedded PostgreSQL will be used (DATABASE_URL unset), check
// that it can run here before minutes of typechecking and building, and say what to do if not.
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { checkReachableAsPostgres, EmbeddedPostgresSetupError } from './lib/embedded-postgres.mjs';
import { MAIL_RIG_INSTALL, mailRigAvailable } from './lib/mail-rig.mjs';

if (!process.env.DATABASE_URL) {
  try {
    // The test clusters live in fresh folders under the system's temporary directory.
    await checkReachableAsPostgres(resolve(tmpdir(), 'relaydesk-test-pg'));
  } catch (e) {
    if (!(e instanceof EmbeddedPostgresSetupError)) throw e;
    process.stderr.write(`\n${e.message}\n\n`);
    process.exit(78);
  }
}

// The mail tests run a private Dovecot (scripts/lib/mail-rig.sh), as the browser tests run
// Chromium; they fail without it, so say so now instead of after the build.
if (!mailRigAvailable()) {
  process.stderr.write(
    `\nDovecot (IMAP and LMTP) is missing; the mail tests start a private one. Install it:\n  ${MAIL_RIG_INSTALL}\n\n`,
  );
  process.exit(78);
}
