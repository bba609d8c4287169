// Mail in: how many messages a second one API instance's IMAP poller takes out of a real Dovecot
// mailbox (scripts/lib/mail-rig.sh) and files: fetch, parse, one ingest transaction each (raw
// kept, ticket or comment, threading, sender checks), \Seen and MOVE. The mailbox holds
// BENCH_MAIL_IN_MESSAGES (5,000) mixed messages appended before the clock starts: new tickets,
// replies threaded by the [#number] subject token and by In-Reply-To, auto-replies and bounces.
// Afterwards the ticket and comment counts must be exactly what the mix says, every message must
// be in the processed folder and stored once. See docs/performance.md.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { startMailRig } from '../lib/mail-rig.mjs';

const DATABASE = 'relaydesk_bench_mail_in';
const SUPPORT = 'support@helpdesk.test';
const DOMAIN = 'helpdesk.test';
const CONTACTS = 1000;
const SEEDS = 500;

/** The share of each kind in the mix (of `messages`). */
const MIX = { newTicket: 0.4, replyByToken: 0.2, replyByHeader: 0.2, autoReply: 0.1, bounce: 0.1 };

function eml(headers, body, contentType = 'text/plain; charset=utf-8') {
  const lines = Object.entries({
    'MIME-Version': '1.0',
    Date: 'Sun, 06 Dec 2026 09:00:00 +0000',
    'Content-Type': contentType,
    ...headers,
  }).map(([k, v]) => `${k}: ${v}`);
  return `${lines.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}\r\n`;
}

const contact = (i) => `c${i % CONTACTS}@customer.test`;
const seedId = (k) => `seed-${k}@customer.test`;

/** A deterministic shuffle, so every run files the same mix in the same order. */
function shuffle(list) {
  let x = 2463534242;
  for (let i = list.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

function buildMix(messages, seedNumbers) {
  const counts = Object.fromEntries(
    Object.entries(MIX).map(([k, share]) => [k, Math.floor(messages * share)]),
  );
  counts.newTicket += messages - Object.values(counts).reduce((a, b) => a + b, 0);
  const out = [];
  for (let i = 0; i < counts.newTicket; i++) {
    out.push(
      eml(
        {
          From: `Customer <${contact(SEEDS + i)}>`,
          To: SUPPORT,
          Subject: `Bench new ${i}: the pump stopped`,
          'Message-ID': `<new-${i}@customer.test>`,
        },
        `New request ${i}.\nThe pump in hall ${i % 7} stopped this morning.`,
      ),
    );
  }
  for (let j = 0; j < counts.replyByToken; j++) {
    const k = j % SEEDS;
    out.push(
      eml(
        {
          From: `Customer <${contact(k)}>`,
          To: SUPPORT,
          Subject: `Re: [#${seedNumbers[k]}] Bench seed ${k}`,
          'Message-ID': `<token-${j}@customer.test>`,
        },
        `Still broken (${j}).\n\nOn Sunday you wrote:\n> We are on it.`,
      ),
    );
  }
  for (let j = 0; j < counts.replyByHeader; j++) {
    const k = j % SEEDS;
    out.push(
      eml(
        {
          From: `Customer <${contact(k)}>`,
          To: SUPPORT,
          Subject: 'Re: our request',
          'Message-ID': `<header-${j}@customer.test>`,
          'In-Reply-To': `<${seedId(k)}>`,
          References: `<${seedId(k)}>`,
        },
        `More details (${j}).`,
      ),
    );
  }
  for (let j = 0; j < counts.autoReply; j++) {
    const k = j % SEEDS;
    out.push(
      eml(
        {
          From: `Customer <${contact(k)}>`,
          To: SUPPORT,
          Subject: 'Out of office',
          'Message-ID': `<ooo-${j}@customer.test>`,
          'In-Reply-To': `<${seedId(k)}>`,
          'Auto-Submitted': 'auto-replied',
        },
        'I am away until Monday.',
      ),
    );
  }
  for (let j = 0; j < counts.bounce; j++) {
    const boundary = `b${j}`;
    out.push(
      eml(
        {
          From: 'Mail Delivery System <MAILER-DAEMON@mx.customer.test>',
          To: `bounces@${DOMAIN}`,
          'Return-Path': '<>',
          Subject: 'Undelivered Mail Returned to Sender',
          'Message-ID': `<bounce-${j}@mx.customer.test>`,
          'Auto-Submitted': 'auto-replied',
        },
        [
          `--${boundary}`,
          'Content-Type: text/plain',
          '',
          'Your message could not be delivered.',
          `--${boundary}`,
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mx.customer.test',
          '',
          `Final-Recipient: rfc822; gone${j}@customer.test`,
          'Action: failed',
          'Status: 5.1.1',
          'Diagnostic-Code: smtp; 550 5.1.1 no such user',
          `--${boundary}--`,
        ].join('\n'),
        `multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      ),
    );
  }
  return { counts, messages: shuffle(out) };
}

export async function mailInBench({ cluster, root, log, messages = 5000 }) {
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

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const one = async (text, params = []) => (await db.query(text, params)).rows[0];
  const { id: orgId } = await one(
    `INSERT INTO organizations (name) VALUES ('Bench customers') RETURNING id`,
  );
  await db.query(
    `INSERT INTO users (email, name, role, organization_id)
     SELECT 'c' || g || '@customer.test', 'Customer ' || g, 'client', $1
       FROM generate_series(0, $2::int - 1) AS g`,
    [orgId, CONTACTS],
  );

  log('mail in: starting a private Dovecot…');
  const rig = await startMailRig({ repoDir: root });
  const { loadConfig } = await import(dist('config/app-config.js'));
  const { createApp } = await import(dist('create-app.js'));
  const { MailboxPoller } = await import(dist('modules/intake/mail-in/imap/mailbox-poller.js'));
  const { MailIngestPort } = await import(dist('modules/intake/mail-in/imap/mail-ingest-port.js'));
  const { MailboxesService } = await import(
    dist('modules/intake/mail-in/mailboxes/mailboxes.service.js')
  );
  const { ImapFlow } = await import('imapflow');
  const { pino } = await import('pino');
  const config = loadConfig(
    {},
    {
      databaseUrl: url,
      jwtSecret: 'bench-secret-that-is-long-enough-for-hs256-0000',
      schedulerEnabled: false,
      demoData: false,
      logLevel: 'silent',
      dataDir: join(root, '.data/bench/mail-in-api'),
      mailDriver: 'log',
      mailFrom: `Bench desk <desk@${DOMAIN}>`,
      mailDomain: DOMAIN,
    },
  );
  const app = await createApp({ config, logger: pino({ level: 'silent' }) });
  const imap = new ImapFlow({
    host: rig.host,
    port: rig.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user: SUPPORT, pass: rig.users[SUPPORT] },
    logger: false,
  });
  imap.on('error', () => undefined);
  try {
    const mailbox = await app.get(MailboxesService).create({
      name: 'Bench support',
      address: SUPPORT,
      imapHost: rig.host,
      imapPort: rig.imapPort,
      imapTls: 'none',
      imapUser: SUPPORT,
      imapPassword: rig.users[SUPPORT],
    });
    // The tickets the replies answer, filed before the clock starts.
    const ingest = app.get(MailIngestPort);
    const seedNumbers = [];
    for (let k = 0; k < SEEDS; k++) {
      const outcome = await ingest.ingest(
        { kind: 'http', mailboxId: mailbox.id },
        Buffer.from(
          eml(
            {
              From: `Customer <${contact(k)}>`,
              To: SUPPORT,
              Subject: `Bench seed ${k}`,
              'Message-ID': `<${seedId(k)}>`,
            },
            `Seed request ${k}.`,
          ),
        ),
      );
      if (outcome.result !== 'created') throw new Error(`seed ${k}: ${outcome.result}`);
      seedNumbers.push(
        Number((await one('SELECT number FROM tickets WHERE id = $1', [outcome.ticketId])).number),
      );
    }
    const before = await one(
      `SELECT (SELECT count(*)::int FROM tickets) AS tickets,
              (SELECT count(*)::int FROM ticket_comments) AS comments`,
    );
    if (before.comments % SEEDS !== 0) {
      throw new Error(`a new ticket by mail made ${before.comments / SEEDS} comments`);
    }
    const commentsPerNewTicket = before.comments / SEEDS;

    const mix = buildMix(messages, seedNumbers);
    log(`mail in: appending ${messages} messages to INBOX…`);
    await imap.connect();
    const appendStarted = performance.now();
    for (const raw of mix.messages) await imap.append('INBOX', raw, [], new Date());
    const appendMs = performance.now() - appendStarted;
    await db.query('VACUUM (ANALYZE)');

    const poller = app.get(MailboxPoller);
    // The ingest's share of the time (the rest is IMAP: FETCH, STORE \Seen, MOVE, and the lease).
    let ingestMs = 0;
    const ingestOne = ingest.ingest.bind(ingest);
    ingest.ingest = async (source, raw) => {
      const t0 = performance.now();
      try {
        return await ingestOne(source, raw);
      } finally {
        ingestMs += performance.now() - t0;
      }
    };
    const started = performance.now();
    const outcomes = {};
    let fetched = 0;
    for (;;) {
      const pass = await poller.pollOnce(mailbox.id);
      if (pass.status !== 'done') throw new Error(`poll: ${pass.status} ${pass.error ?? ''}`);
      fetched += pass.fetched;
      for (const [k, v] of Object.entries(pass.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
      if (pass.fetched === 0) break;
    }
    const ms = performance.now() - started;

    const after = await one(
      `SELECT (SELECT count(*)::int FROM tickets) AS tickets,
              (SELECT count(*)::int FROM ticket_comments) AS comments,
              (SELECT count(*)::int FROM inbound_messages WHERE source = 'imap') AS stored`,
    );
    const replies = mix.counts.replyByToken + mix.counts.replyByHeader;
    const expected = {
      tickets: before.tickets + mix.counts.newTicket,
      comments: before.comments + mix.counts.newTicket * commentsPerNewTicket + replies,
      stored: messages,
    };
    const inbox = await imap.status('INBOX', { messages: true });
    const processed = await imap.status('Processed', { messages: true });
    const problems = [];
    for (const key of Object.keys(expected)) {
      if (after[key] !== expected[key])
        problems.push(`${key} ${after[key]}, expected ${expected[key]}`);
    }
    if (fetched !== messages) problems.push(`fetched ${fetched} of ${messages}`);
    if (inbox.messages !== 0) problems.push(`${inbox.messages} left in INBOX`);
    if (processed.messages !== messages) problems.push(`${processed.messages} in Processed`);
    if (problems.length) {
      throw new Error(
        `mail in: wrong result: ${problems.join('; ')} (outcomes ${JSON.stringify(outcomes)})`,
      );
    }
    const perSecond = Math.round((messages / ms) * 10_000) / 10;
    log(`mail in: ${messages} messages drained in ${Math.round(ms)} ms = ${perSecond}/s`);
    return {
      messages,
      mix: mix.counts,
      ms: Math.round(ms),
      perSecond,
      ingestMs: Math.round(ingestMs),
      appendMs: Math.round(appendMs),
      outcomes,
      tickets: after.tickets - before.tickets,
      comments: after.comments - before.comments,
    };
  } finally {
    await imap.logout().catch(() => imap.close());
    await app.close();
    await db.end();
    await rig.stop();
  }
}

export function formatMailIn(r) {
  return [
    'Mail in: one poller draining a Dovecot mailbox (fetch, parse, one ingest transaction, \\Seen + MOVE per message)',
    '| messages |     ms | messages/s | in ingest ms | new tickets | comments | outcomes |',
    '|---------:|-------:|-----------:|-------------:|------------:|---------:|:---------|',
    `| ${String(r.messages).padStart(8)} | ${String(r.ms).padStart(6)} | ${String(r.perSecond).padStart(10)} | ${String(r.ingestMs).padStart(12)} | ${String(r.tickets).padStart(11)} | ${String(r.comments).padStart(8)} | ${Object.entries(
      r.outcomes,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
  ].join('\n');
}
