// Outbox throughput: how many mails a second one API instance's DeliveryWorker hands to a local
// SMTP server (smtp-server in this process, no TLS), at MAIL_CONCURRENCY 1, 4 and 8. Each row
// is a ticket notification to a staff user, so every send also re-checks the recipient (active,
// may see the ticket) and the per-address limit, and commits its row: the cost of one real mail
// minus the network to a remote relay. The sink counts what it received: each round must get
// every row exactly once. See docs/performance.md.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../lib/embedded-postgres.mjs';

const DATABASE = 'relaydesk_bench_mail';

export async function mailOutboxBench({
  cluster,
  root,
  log,
  messages = 2000,
  concurrencies = [1, 4, 8],
}) {
  const dist = (p) => pathToFileURL(join(root, 'apps/api/dist', p)).href;
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = cluster.urlFor(DATABASE);
  const { createDataSource } = await import(dist('database/data-source.js'));
  const { runMigrations } = await import(dist('database/run-migrations.js'));
  const ds = createDataSource(url, 2);
  await ds.initialize();
  await runMigrations(ds).finally(() => ds.destroy());

  let received = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received++;
        callback();
      });
      stream.resume();
    },
  });
  const port = await freePort(0);
  await new Promise((resolve) => sink.listen(port, '127.0.0.1', resolve));

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const one = async (text, params = []) => (await db.query(text, params)).rows[0];
  const { id: workflowId } = await one(`SELECT id FROM workflows WHERE key = 'okdesk'`);
  const { id: userId } = await one(
    `INSERT INTO users (email, password_hash, name, role) VALUES ('mail-bench@bench.test', 'x', 'Bench', 'agent') RETURNING id`,
  );
  const ticket = await one(
    `INSERT INTO tickets (subject, priority, status, status_category, workflow_id, channel, assignee_id)
     VALUES ('Mail bench', 'normal', 'open', 'open', $1, 'api', $2) RETURNING id, number`,
    [workflowId, userId],
  );
  const data = JSON.stringify({
    ticket: {
      id: ticket.id,
      number: Number(ticket.number),
      subject: 'Mail bench',
      priority: 'normal',
      statusName: 'Open',
    },
    audience: 'staff',
    actorName: 'Bench',
    timeZone: 'UTC',
  });

  const { loadConfig } = await import(dist('config/app-config.js'));
  const { createApp } = await import(dist('create-app.js'));
  const { DeliveryWorker } = await import(
    dist('modules/notifications/delivery/delivery-worker.js')
  );
  const { pino } = await import('pino');
  const rounds = [];
  try {
    for (const concurrency of concurrencies) {
      const config = loadConfig(
        {},
        {
          databaseUrl: url,
          jwtSecret: 'bench-secret-that-is-long-enough-for-hs256-0000',
          schedulerEnabled: false,
          demoData: false,
          logLevel: 'silent',
          dataDir: join(root, '.data/bench/mail-api'),
          mailDriver: 'smtp',
          smtpUrl: `smtp://127.0.0.1:${port}`,
          smtpEndpoint: { host: '127.0.0.1', port, secure: false, user: null },
          mailFrom: 'Relaydesk bench <bench@bench.test>',
          mailDomain: null,
          mailConcurrency: concurrency,
          // Distinct addresses anyway; the limit's count still runs for every row.
          mailRateLimitPerHour: 100000,
        },
      );
      const app = await createApp({ config, logger: pino({ level: 'silent' }) });
      try {
        const worker = app.get(DeliveryWorker);
        await db.query(
          `INSERT INTO deliveries (channel, kind, user_id, address, locale, ticket_id, data,
                                   next_attempt_at, created_at)
           SELECT 'email', 'ticket_reopened', $1, 'r' || g || '-c${concurrency}@bench.test', 'en', $2,
                  $3::jsonb, now() - interval '1 second', now()
             FROM generate_series(1, $4::int) AS g`,
          [userId, ticket.id, data, messages],
        );
        await db.query('VACUUM (ANALYZE) deliveries');
        const before = received;
        const started = performance.now();
        while ((await worker.deliver()) !== null) {
          // each call sends up to 500 rows
        }
        const ms = performance.now() - started;
        const got = received - before;
        const { n } = await one(
          `SELECT count(*)::int AS n FROM deliveries WHERE address LIKE $1 AND status = 'sent'`,
          [`%-c${concurrency}@bench.test`],
        );
        if (got !== messages || n !== messages) {
          throw new Error(
            `concurrency ${concurrency}: ${messages} rows, ${got} received, ${n} marked sent`,
          );
        }
        const perSecond = Math.round((messages / ms) * 1000);
        log(
          `mail outbox: ${messages} mails at MAIL_CONCURRENCY ${concurrency} in ${Math.round(ms)} ms = ${perSecond}/s`,
        );
        rounds.push({ concurrency, messages, ms: Math.round(ms), perSecond });
      } finally {
        await app.close();
      }
    }
    return { rounds };
  } finally {
    await db.end();
    await new Promise((resolve) => sink.close(resolve));
  }
}

export function formatMailOutbox(r) {
  return [
    'Mail outbox to a local SMTP server (one API instance; recipient re-check, rate-limit count and commit per mail)',
    '| MAIL_CONCURRENCY | mails |     ms | mails/s |',
    '|-----------------:|------:|-------:|--------:|',
    ...r.rounds.map(
      (x) =>
        `| ${String(x.concurrency).padStart(16)} | ${String(x.messages).padStart(5)} | ${String(x.ms).padStart(6)} | ${String(x.perSecond).padStart(7)} |`,
    ),
  ].join('\n');
}
