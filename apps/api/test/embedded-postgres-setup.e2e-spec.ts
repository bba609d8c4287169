import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const LIB = resolve(__dirname, '../../../scripts/lib/embedded-postgres.mjs');

/** Runs the start-up check in a child (the library is ESM) and returns what it threw, if anything. */
function check(dataDir: string): string {
  return execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { checkReachableAsPostgres, EmbeddedPostgresSetupError } from ${JSON.stringify(LIB)};
       try { await checkReachableAsPostgres(${JSON.stringify(dataDir)}); console.log('ok'); }
       catch (e) { console.log(e instanceof EmbeddedPostgresSetupError ? e.message : 'other: ' + e); }`,
    ],
    { encoding: 'utf8' },
  ).trim();
}

/**
 * As root the embedded PostgreSQL runs as the `postgres` user. A data directory that user cannot
 * reach (below a 0700 folder such as root's home) must stop the start at once, saying what to do,
 * instead of failing deep inside initdb. CI runs as root, where this is the real case.
 */
describe('embedded PostgreSQL set-up check', () => {
  const base = mkdtempSync(join(tmpdir(), 'relaydesk-reach-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('passes a data directory every user may enter', () => {
    chmodSync(base, 0o755);
    expect(check(join(base, 'open', 'postgres'))).toBe('ok');
  });

  // Only root hands the cluster to another user; anyone else runs it as themselves.
  const asRoot = process.getuid?.() === 0;
  it('as root, stops with what to do when a folder on the way is closed to other users', () => {
    const closed = join(base, 'closed');
    mkdirSync(closed, { mode: 0o700 });
    chmodSync(closed, 0o700);
    const message = check(join(closed, 'data', 'postgres'));
    const advice = [
      `cannot\nenter ${closed} (mode 0700)`,
      `chmod o+x ${closed}`,
      'DATA_DIR=',
      'DATABASE_URL=',
    ];
    expect(advice.filter((a) => message.includes(a))).toEqual(asRoot ? advice : []);
    expect(message === 'ok').toBe(!asRoot);
  });
});
