// The SLA sweep at two table sizes in one run: a dedicated database grows from `small` to
// `large` tickets (default BENCH_TICKETS / 10 and BENCH_TICKETS), every ticket with an SLA check
// pending in the future; at each size 1,000 of them are made due and the compiled API's
// SlaSweepService processes them (breach + escalation each, with their notifications). The
// sweep reads only due rows through tickets_sla_next_check_idx, so the two times should match:
// the ratio large/small is printed and must not grow with the table. See docs/performance.md.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const DATABASE = 'relaydesk_bench_sla';
const HASH = 'not-a-password-hash';

export async function slaSweepBench({ cluster, root, log, tickets, due = 1000 }) {
  const large = Math.max(tickets, due * 20);
  const small = Math.max(due * 10, Math.round(large / 10));
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
  const { id: workflowId } = await one(`SELECT id FROM workflows WHERE key = 'okdesk'`);
  const { id: leadId } = await one(
    `INSERT INTO users (email, password_hash, name, role) VALUES ('sla-lead@bench.test', $1, 'Lead', 'agent') RETURNING id`,
    [HASH],
  );
  const { id: agentId } = await one(
    `INSERT INTO users (email, password_hash, name, role) VALUES ('sla-agent@bench.test', $1, 'Agent', 'agent') RETURNING id`,
    [HASH],
  );
  const { id: groupId } = await one(
    `INSERT INTO groups (name, lead_id) VALUES ('SLA bench', $1) RETURNING id`,
    [leadId],
  );
  const allDay = JSON.stringify(
    Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
  );
  const { id: calendarId } = await one(
    `INSERT INTO sla_calendars (name, time_zone, week) VALUES ('24x7', 'UTC', $1::jsonb) RETURNING id`,
    [allDay],
  );
  const { id: policyId } = await one(
    `INSERT INTO sla_policies (name, calendar_id, resolution_seconds) VALUES ('Bench', $1, 2592000) RETURNING id`,
    [calendarId],
  );

  let count = 0;
  const grow = async (to) => {
    const started = performance.now();
    // Open tickets whose resolution deadline (and so their next check) is days to weeks ahead.
    await db.query(
      `INSERT INTO tickets (subject, priority, status, status_category, workflow_id, channel,
                            created_at, updated_at, sla_policy_id, resolution_due_at,
                            resolution_remind_at, sla_next_check_at)
       SELECT 'SLA bench ticket ' || g, 'normal', 'open', 'open', $1, 'api', now(), now(), $2,
              now() + d, now() + d * 0.75, now() + d * 0.75
         FROM generate_series($3::int, $4::int) AS g,
              LATERAL (SELECT (1 + (g % 30)) * interval '1 day' AS d) x`,
      [workflowId, policyId, count + 1, to],
    );
    count = to;
    await db.query('VACUUM (ANALYZE) tickets');
    log(
      `SLA sweep: ${count} tickets (${((performance.now() - started) / 1000).toFixed(1)} s to grow)`,
    );
  };

  const { loadConfig } = await import(dist('config/app-config.js'));
  const { createApp } = await import(dist('create-app.js'));
  const { SlaSweepService } = await import(dist('modules/tickets/ticket-sla-sweep.service.js'));
  const { pino } = await import('pino');
  const config = loadConfig(
    {},
    {
      databaseUrl: url,
      jwtSecret: 'bench-secret-that-is-long-enough-for-hs256-0000',
      schedulerEnabled: false,
      demoData: false,
      logLevel: 'silent',
      dataDir: join(root, '.data/bench/sla-api'),
    },
  );
  const app = await createApp({ config, logger: pino({ level: 'silent' }) });
  const sweep = app.get(SlaSweepService);

  const measureAt = async () => {
    // Warm-up with nothing due, then make `due` tickets due (assigned in a group with a lead, so
    // each breach writes history, a notification and an escalation).
    await sweep.runDue();
    await db.query(
      `UPDATE tickets SET resolution_due_at = now() - interval '1 minute',
              resolution_remind_at = now() - interval '2 minutes',
              sla_next_check_at = now() - interval '1 minute', assignee_id = $2, group_id = $3
        WHERE id IN (SELECT id FROM tickets WHERE sla_next_check_at > now()
                      ORDER BY sla_next_check_at LIMIT $1)`,
      [due, agentId, groupId],
    );
    const started = performance.now();
    const r = await sweep.runDue();
    const ms = performance.now() - started;
    if (r.breaches !== due)
      throw new Error(`expected ${due} breaches, the sweep recorded ${r.breaches}`);
    const { rows } = await db.query(
      `EXPLAIN (FORMAT TEXT) SELECT id FROM tickets
        WHERE sla_next_check_at IS NOT NULL AND sla_next_check_at <= now()
        ORDER BY sla_next_check_at LIMIT 200`,
    );
    const result = {
      tickets: count,
      due,
      ms: Math.round(ms),
      perDueMs: Math.round((ms / due) * 100) / 100,
      plan: rows.map((x) => x['QUERY PLAN']).join('\n'),
    };
    log(
      `SLA sweep at ${count} tickets: ${due} due processed in ${result.ms} ms (${result.perDueMs} ms each)`,
    );
    return result;
  };

  try {
    await grow(small);
    const atSmall = await measureAt();
    await grow(large);
    const atLarge = await measureAt();
    const ratio = Math.round((atLarge.ms / atSmall.ms) * 100) / 100;
    log(
      `SLA sweep: ${atLarge.tickets} / ${atSmall.tickets} tickets = ${large / small}x the table, ` +
        `sweep time ratio ${ratio} (target: <= 1.5, i.e. not growing with the table)`,
    );
    return { small: atSmall, large: atLarge, ratio, pass: ratio <= 1.5 };
  } finally {
    await app.close();
    await db.end();
  }
}
