// Fills the benchmark database with a realistic help desk: set-based SQL (generate_series), with
// the search triggers and FK checks off during the load (session_replication_role = replica),
// secondary indexes dropped and rebuilt afterwards, and ticket_search filled in bulk with the
// same rd_search_vector() the triggers use. Values come from hashing the row number, so a seed
// of a given size is the same every time and the chunks can run on two connections at once.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  COMMON_SHARE,
  COMMON_TERM,
  CZECH,
  ENGLISH,
  FIRST_NAMES,
  GROUP_NAMES,
  LAST_NAMES,
  ORGANIZATION_WORDS,
  RARE_FORMS,
  RARE_TERM,
  RUSSIAN,
  words,
} from './words.mjs';

/** Bump when the generated data changes, so an old bench database is re-seeded. */
export const SEED_VERSION = 3;

export const BENCH_AGENT = {
  email: 'bench.agent@bench.relaydesk.test',
  password: 'bench-agent-password',
};

/** Sees every ticket, so its queries carry no visibility condition. */
export const BENCH_DISPATCHER = {
  email: 'bench.dispatcher@bench.relaydesk.test',
  password: 'bench-dispatcher-password',
};

const ORGANIZATIONS = 200;
const CLIENTS = 2000;
const AGENTS = 50; // plus the bench agent
const CHUNK = 50_000;
const WORKERS = 2;

/** The okdesk statuses the generator spreads tickets over; categories come from the workflow. */
const STATUSES = ['open', 'in_progress', 'needs_clarification', 'resolved', 'closed'];

/** Returns the seed description stored with the data, or null when the database is not seeded. */
export async function readSeedInfo(client) {
  const { rows } = await client.query(
    `SELECT to_regclass('bench.seed_info') IS NOT NULL AS present`,
  );
  if (!rows[0].present) return null;
  const info = await client.query(`SELECT info FROM bench.seed_info LIMIT 1`);
  return info.rows[0]?.info ?? null;
}

/**
 * Seeds an empty, migrated database. `hashPassword` is the API's own argon2id hasher.
 * @returns the seed description (also stored in bench.seed_info).
 */
export async function seedDatabase({ url, tickets, hashPassword, log }) {
  const started = Date.now();
  const phase = timer(log);
  const main = await connect(url);
  try {
    await main.query(`SET maintenance_work_mem = '1GB'`);
    await createHelpers(main);

    phase.start('reference data');
    const ref = await seedReferenceData(main, hashPassword);
    phase.end(
      `${ORGANIZATIONS} organizations, ${CLIENTS} clients, ${AGENTS + 1} agents, ${GROUP_NAMES.length} groups`,
    );

    const tables = ['tickets', 'ticket_comments', 'ticket_search'];
    const indexes = {};
    for (const table of tables) indexes[table] = await dropSecondaryIndexes(main, table);

    const chunks = [];
    for (let lo = 1; lo <= tickets; lo += CHUNK)
      chunks.push([lo, Math.min(tickets, lo + CHUNK - 1)]);
    const number = ([lo, hi]) => [lo + 1000, hi + 1000];

    phase.start(`${tickets} tickets`);
    await inParallel(url, chunks, (c, [lo, hi]) =>
      c.query(TICKETS_SQL, [
        lo,
        hi,
        tickets,
        words(RUSSIAN),
        words(CZECH),
        words(ENGLISH),
        RARE_FORMS,
        ref.typeIds,
        ref.clientIds,
        ref.clientOrgIds,
        ref.agentIds,
        ref.agentGroupIds,
        ref.groupIds,
        ref.workflowId,
        ref.now,
        COMMON_TERM,
        COMMON_SHARE,
      ]),
    );
    phase.end();
    await rebuildIndexes(main, indexes.tickets, phase, 'tickets');

    phase.start('comments');
    await inParallel(url, chunks.map(number), (c, [lo, hi]) =>
      c.query(COMMENTS_SQL, [
        lo,
        hi,
        words(RUSSIAN),
        words(CZECH),
        words(ENGLISH),
        RARE_FORMS,
        ref.agentIds,
      ]),
    );
    const comments = Number(
      (await main.query(`SELECT count(*) AS n FROM ticket_comments`)).rows[0].n,
    );
    phase.end(`${comments} comments`);
    await rebuildIndexes(main, indexes.ticket_comments, phase, 'ticket_comments');

    phase.start('search documents');
    await inParallel(url, chunks.map(number), (c, [lo, hi]) => c.query(SEARCH_SQL, [lo, hi]));
    phase.end();
    await rebuildIndexes(main, indexes.ticket_search, phase, 'ticket_search');

    await main.query(`SELECT setval('ticket_number_seq', (SELECT max(number) FROM tickets))`);

    phase.start('VACUUM ANALYZE');
    for (const table of [...tables, 'users', 'organizations', 'groups', 'group_members']) {
      await main.query(`VACUUM (ANALYZE) ${table}`);
    }
    phase.end();

    const stats = (
      await main.query(
        `SELECT max(number)::bigint AS max_number,
                count(*) FILTER (WHERE status_category NOT IN ('closed', 'canceled'))::int AS open,
                count(*) FILTER (WHERE assignee_id IS NULL)::int AS unassigned,
                (SELECT count(*) FROM ticket_search s
                  WHERE s.public_doc @@ rd_search_query($1)
                     OR s.internal_doc @@ rd_search_query($1))::int AS term_hits,
                (SELECT count(*) FROM ticket_search s
                  WHERE s.public_doc @@ rd_search_query($2)
                     OR s.internal_doc @@ rd_search_query($2))::int AS common_hits
           FROM tickets`,
        [RARE_TERM, COMMON_TERM],
      )
    ).rows[0];
    const info = {
      version: SEED_VERSION,
      tickets,
      comments,
      maxNumber: Number(stats.max_number),
      openTickets: stats.open,
      unassignedTickets: stats.unassigned,
      searchTerm: RARE_TERM,
      searchTermTickets: stats.term_hits,
      commonTerm: COMMON_TERM,
      commonTermTickets: stats.common_hits,
      benchAgentId: ref.agentIds[0],
      benchAgentGroupIds: ref.benchAgentGroupIds,
      seededAt: new Date().toISOString(),
      seedSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
    await main.query(`CREATE TABLE bench.seed_info (info jsonb NOT NULL)`);
    await main.query(`INSERT INTO bench.seed_info (info) VALUES ($1)`, [JSON.stringify(info)]);
    return info;
  } finally {
    await main.end();
  }
}

/** Adds the dispatcher to a seeded database unless it is there (older seeds lack it). */
export async function ensureDispatcher({ url, hashPassword }) {
  const client = new pg.Client({ connectionString: url, application_name: 'relaydesk-bench' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM users WHERE email = $1', [
      BENCH_DISPATCHER.email,
    ]);
    if (rowCount) return;
    await client.query(
      `INSERT INTO users (email, password_hash, name, role, locale)
       VALUES ($1, $2, 'Bench Dispatcher', 'dispatcher', 'cs')`,
      [BENCH_DISPATCHER.email, await hashPassword(BENCH_DISPATCHER.password)],
    );
  } finally {
    await client.end();
  }
}

async function connect(url) {
  const client = new pg.Client({ connectionString: url, application_name: 'relaydesk-bench' });
  await client.connect();
  // Off for this session only: no search triggers, no FK checks; the generator keeps both true.
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET synchronous_commit = off`);
  return client;
}

/** Runs `work` for every item on WORKERS connections. */
async function inParallel(url, items, work) {
  const queue = [...items];
  const runWorker = async () => {
    const client = await connect(url);
    try {
      for (let item = queue.shift(); item; item = queue.shift()) await work(client, item);
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: Math.min(WORKERS, items.length) }, runWorker));
}

/** Drops the indexes that no constraint needs and returns their definitions. */
async function dropSecondaryIndexes(client, table) {
  const { rows } = await client.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [table],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.name}"`);
  return rows;
}

async function rebuildIndexes(client, indexes, phase, table) {
  phase.start(`${indexes.length} indexes on ${table}`);
  for (const index of indexes) await client.query(index.def);
  phase.end();
}

async function createHelpers(client) {
  await client.query(`CREATE SCHEMA IF NOT EXISTS bench`);
  // A uniform number in [0, 1) from a row number and a salt: the same on every run.
  await client.query(`CREATE OR REPLACE FUNCTION bench.rnd(bigint, integer) RETURNS float8
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8extended($1, $2) & 2147483647)::float8 / 2147483648.0 $$`);
  await client.query(`CREATE OR REPLACE FUNCTION bench.pick(anyarray, float8) RETURNS anyelement
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT $1[1 + floor($2 * array_length($1, 1))::int] $$`);
  // The text generators are plpgsql: as SQL functions they cost 3-30 times more per call.
  // Real ticket text has a long tail (names, models, typos): words drawn log-uniformly from
  // 60 000 made-up ones give the Zipf-like spread that PostgreSQL's text statistics expect.
  await client.query(`CREATE OR REPLACE FUNCTION bench.tail(seed bigint, n integer, cyrillic boolean)
    RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      syl text[] := CASE WHEN cyrillic
        THEN ARRAY['ка','ло','ри','ве','ну','да','пе','со','ти','жа','лу','зо','бу','ше','гри','ста',
                   'вол','ник','ров','ден']
        ELSE ARRAY['ka','lo','ri','ve','nu','da','pe','so','ti','ža','lu','zo','bu','še','kří','sta',
                   'vol','nik','rov','den'] END;
      words text[] := '{}';
      k integer;
    BEGIN
      FOR i IN 1..n LOOP
        k := floor(exp(bench.rnd(seed * 16 + i, 91) * ln(60000)))::integer;
        words := words || (syl[1 + k % 20]
          || CASE WHEN k >= 20 THEN syl[1 + (k / 20) % 20] ELSE '' END
          || CASE WHEN k >= 400 THEN syl[1 + (k / 400) % 20] ELSE '' END
          || CASE WHEN k >= 8000 THEN syl[1 + (k / 8000) % 20] ELSE '' END);
      END LOOP;
      RETURN array_to_string(words, ' ');
    END $$`);
  await client.query(`CREATE OR REPLACE FUNCTION bench.phrase(list text[], seed bigint, n integer)
    RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      words text[] := '{}';
      len integer := array_length(list, 1);
    BEGIN
      FOR i IN 1..n LOOP
        words := words || list[1 + floor(bench.rnd(seed * 64 + i, 77) * len)::integer];
      END LOOP;
      RETURN array_to_string(words, ' ');
    END $$`);
}

async function seedReferenceData(client, hashPassword) {
  const now = new Date();
  const [{ id: workflowId }] = (await client.query(`SELECT id FROM workflows WHERE key = 'okdesk'`))
    .rows;
  const statuses = (
    await client.query(`SELECT key FROM workflow_statuses WHERE workflow_id = $1`, [workflowId])
  ).rows.map((r) => r.key);
  const missing = STATUSES.filter((s) => !statuses.includes(s));
  if (missing.length) throw new Error(`the okdesk workflow lacks statuses: ${missing.join(', ')}`);
  const typeIds = (
    await client.query(`SELECT id FROM ticket_types ORDER BY position, key`)
  ).rows.map((r) => r.id);

  const orgWords = words(ORGANIZATION_WORDS);
  const suffixes = ['ООО', 's.r.o.', 'a.s.', 'Ltd', 'АО', 'GmbH'];
  const orgIds = Array.from({ length: ORGANIZATIONS }, () => randomUUID());
  await client.query(
    `INSERT INTO organizations (id, name, email, created_at, updated_at)
     SELECT id, name, 'office' || n || '@org' || n || '.example', $3, $3
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS o(id, name, n)`,
    [
      orgIds,
      orgIds.map(
        (_, i) =>
          `${orgWords[i % orgWords.length]} ${orgWords[(i * 7 + 3) % orgWords.length]} ${suffixes[i % suffixes.length]} ${i + 1}`,
      ),
      now,
    ],
  );

  const groupIds = GROUP_NAMES.map(() => randomUUID());
  await client.query(
    `INSERT INTO groups (id, name, created_at, updated_at)
     SELECT id, name, $3, $3 FROM unnest($1::uuid[], $2::text[]) AS g(id, name)`,
    [groupIds, GROUP_NAMES, now],
  );

  const first = words(FIRST_NAMES);
  const last = words(LAST_NAMES);
  const personName = (i) => `${first[i % first.length]} ${last[(i * 3 + 1) % last.length]}`;

  // agentIds[0] is the agent the benchmark logs in as; the other 50 share the work.
  const agentIds = Array.from({ length: AGENTS + 1 }, () => randomUUID());
  await client.query(
    `INSERT INTO users (id, email, password_hash, name, role, locale, created_at, updated_at)
     SELECT id, email, CASE WHEN n = 1 THEN $4 END, name, 'agent', 'ru', $5, $5
       FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS u(id, email, name, n)`,
    [
      agentIds,
      agentIds.map((_, i) => (i === 0 ? BENCH_AGENT.email : `agent${i}@bench.relaydesk.test`)),
      agentIds.map((_, i) => (i === 0 ? 'Bench Agent' : personName(i))),
      await hashPassword(BENCH_AGENT.password),
      now,
    ],
  );
  // Everyone has a primary group; the bench agent and some others also a second one, so the
  // agent visibility rule (mine OR my groups OR unassigned OR created/requested by me) applies.
  const agentGroupIds = agentIds.map((_, i) => groupIds[i % groupIds.length]);
  const memberships = agentIds.flatMap((id, i) =>
    i === 0 || i % 3 === 0
      ? [
          [groupIds[i % groupIds.length], id],
          [groupIds[(i + 1) % groupIds.length], id],
        ]
      : [[groupIds[i % groupIds.length], id]],
  );
  await client.query(
    `INSERT INTO group_members (group_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    [memberships.map((m) => m[0]), memberships.map((m) => m[1])],
  );

  const clientIds = Array.from({ length: CLIENTS }, () => randomUUID());
  const clientOrgIds = clientIds.map((_, i) => orgIds[i % ORGANIZATIONS]);
  await client.query(
    `INSERT INTO users (id, email, name, role, locale, organization_id, created_at, updated_at)
     SELECT id, 'client' || n || '@bench.relaydesk.test', name, 'client',
            (ARRAY['ru', 'cs', 'en'])[1 + n % 3], org, $4, $4
       FROM unnest($1::uuid[], $2::text[], $3::uuid[]) WITH ORDINALITY AS u(id, name, org, n)`,
    [clientIds, clientIds.map((_, i) => personName(i + 7)), clientOrgIds, now],
  );

  return {
    now,
    workflowId,
    typeIds,
    groupIds,
    agentIds,
    agentGroupIds,
    benchAgentGroupIds: [groupIds[0], groupIds[1]],
    clientIds,
    clientOrgIds,
  };
}

/*
 * One row per g in [$1, $2] of $3 tickets. Ticket g is (N - g) / N * 730 days old, so numbers
 * grow with time. Recent tickets are mostly in progress, old ones mostly closed, with a tail of
 * forgotten open ones, as in a real queue.
 */
const TICKETS_SQL = `
INSERT INTO tickets (number, subject, description, priority, status, status_category, workflow_id,
                     type_id, organization_id, requester_id, assignee_id, group_id, due_at,
                     needs_reply, first_responded_at, resolved_at, closed_at, channel,
                     created_by_id, created_at, updated_at, version)
SELECT 1000 + g,
       upper(left(x.subject, 1)) || substr(x.subject, 2),
       x.description,
       x.priority, x.status, ws.category, $14, x.type_id, x.org_id, x.requester_id,
       x.assignee_id, x.group_id,
       CASE WHEN x.r_due < 0.4 THEN x.created_at + (1 + x.r_due * 25) * interval '1 day' END,
       x.status IN ('open', 'in_progress') AND x.r_misc < 0.3,
       CASE WHEN x.status <> 'open' OR x.r_misc < 0.5
            THEN least(x.updated_at, x.created_at + x.r_misc * interval '4 hours') END,
       CASE WHEN x.status IN ('resolved', 'closed')
            THEN x.updated_at - (x.updated_at - x.created_at) * 0.2 * x.r_misc END,
       CASE WHEN x.status = 'closed' THEN x.updated_at END,
       x.channel,
       CASE x.channel WHEN 'portal' THEN x.requester_id
                      WHEN 'agent' THEN coalesce(x.assignee_id, bench.pick($11::uuid[], bench.rnd(g, 16)))
       END,
       x.created_at, x.updated_at, 1 + floor(x.r_misc * 4)::int
  FROM generate_series($1::bigint, $2::bigint) g
  CROSS JOIN LATERAL (
    SELECT r.*,
           $15::timestamptz - r.age_days * interval '1 day' AS created_at,
           $15::timestamptz - r.age_days * interval '1 day'
             + CASE WHEN r.status IN ('resolved', 'closed') THEN least(r.age_days, 20)
                    ELSE r.age_days END * r.r_upd * interval '1 day' AS updated_at,
           CASE WHEN r.r_prio < 0.15 THEN 'low' WHEN r.r_prio < 0.75 THEN 'normal'
                WHEN r.r_prio < 0.95 THEN 'high' ELSE 'urgent' END AS priority,
           CASE WHEN r.r_type >= 0.1 THEN bench.pick($8::uuid[], bench.rnd(g, 18)) END AS type_id,
           CASE WHEN r.client_idx IS NOT NULL THEN ($9::uuid[])[r.client_idx] END AS requester_id,
           CASE WHEN r.client_idx IS NOT NULL THEN ($10::uuid[])[r.client_idx] END AS org_id,
           CASE WHEN r.agent_idx IS NOT NULL THEN ($11::uuid[])[r.agent_idx] END AS assignee_id,
           CASE WHEN r.agent_idx IS NOT NULL THEN ($12::uuid[])[r.agent_idx]
                WHEN r.r_grp < 0.6 THEN bench.pick($13::uuid[], bench.rnd(g, 17)) END AS group_id,
           CASE WHEN r.r_chan < 0.5 AND r.client_idx IS NOT NULL THEN 'portal'
                WHEN r.r_chan < 0.85 THEN 'agent' ELSE 'api' END AS channel,
           bench.phrase(r.lang, g * 3, 3 + floor(bench.rnd(g, 19) * 5)::int)
             || CASE WHEN bench.rnd(g, 22) < 0.5 THEN ' ' || bench.tail(g * 5, 1, r.lang10 < 4) ELSE '' END
             || CASE WHEN r.r_rare < 0.0004 THEN ' ' || bench.pick($7::text[], bench.rnd(g, 21)) ELSE '' END
             || CASE WHEN r.r_common < $17::float8 * 0.4 THEN ' ' || $16::text ELSE '' END
             AS subject,
           bench.phrase(r.lang, g * 3 + 1, 15 + floor(bench.rnd(g, 20) * 35)::int)
             || ' ' || bench.tail(g * 5 + 1, 3 + floor(bench.rnd(g, 23) * 8)::int, r.lang10 < 4)
             || CASE WHEN r.r_rare >= 0.0004 AND r.r_rare < 0.0008
                     THEN ' ' || bench.pick($7::text[], bench.rnd(g, 21)) || ' '
                          || bench.phrase(r.lang, g * 3 + 2, 5)
                     ELSE '' END
             || CASE WHEN r.r_common >= $17::float8 * 0.4 AND r.r_common < $17::float8
                     THEN ' ' || $16::text || ' ' || bench.phrase(r.lang, g * 3 + 3, 4) ELSE '' END
             AS description
      FROM (
        SELECT a.*,
               CASE WHEN a.age_days < 14 THEN
                      CASE WHEN a.r_status < 0.35 THEN 'open' WHEN a.r_status < 0.65 THEN 'in_progress'
                           WHEN a.r_status < 0.80 THEN 'needs_clarification'
                           WHEN a.r_status < 0.95 THEN 'resolved' ELSE 'closed' END
                    WHEN a.age_days < 60 THEN
                      CASE WHEN a.r_status < 0.08 THEN 'open' WHEN a.r_status < 0.20 THEN 'in_progress'
                           WHEN a.r_status < 0.30 THEN 'needs_clarification'
                           WHEN a.r_status < 0.50 THEN 'resolved' ELSE 'closed' END
                    ELSE
                      CASE WHEN a.r_status < 0.010 THEN 'open' WHEN a.r_status < 0.025 THEN 'in_progress'
                           WHEN a.r_status < 0.040 THEN 'needs_clarification'
                           WHEN a.r_status < 0.060 THEN 'resolved' ELSE 'closed' END
               END AS status,
               CASE WHEN a.r_asg >= 0.3
                    THEN 1 + floor(bench.rnd(g, 14) * array_length($11::uuid[], 1))::int END AS agent_idx,
               CASE WHEN a.r_req < 0.95
                    THEN 1 + floor(bench.rnd(g, 15) * array_length($9::uuid[], 1))::int END AS client_idx,
               CASE WHEN a.lang10 < 4 THEN $4::text[] WHEN a.lang10 < 7 THEN $5::text[]
                    ELSE $6::text[] END AS lang
          FROM (
            SELECT ($3::bigint - g)::float8 / $3 * 730 + bench.rnd(g, 1) * 0.02 AS age_days,
                   bench.rnd(g, 2) AS r_status, bench.rnd(g, 3) AS r_prio, bench.rnd(g, 4) AS r_type,
                   bench.rnd(g, 5) AS r_req, bench.rnd(g, 6) AS r_asg, bench.rnd(g, 7) AS r_grp,
                   bench.rnd(g, 8) AS r_due, bench.rnd(g, 9) AS r_chan, bench.rnd(g, 10) AS r_upd,
                   bench.rnd(g, 11) AS r_rare, bench.rnd(g, 12) AS r_misc,
                   bench.rnd(g, 24) AS r_common,
                   floor(bench.rnd(g, 13) * 10)::int AS lang10
          ) a
      ) r
  ) x
  JOIN workflow_statuses ws ON ws.workflow_id = $14 AND ws.key = x.status`;

/* 1 or 2 comments per ticket in [$1, $2] (by number); a fifth of them internal notes. */
const COMMENTS_SQL = `
INSERT INTO ticket_comments (ticket_id, author_id, body, internal, created_at)
SELECT t.id,
       CASE WHEN c.internal OR k = 2 OR t.requester_id IS NULL
            THEN coalesce(t.assignee_id, bench.pick($7::uuid[], bench.rnd(t.number, 33)))
            ELSE t.requester_id END,
       bench.phrase(CASE WHEN c.lang10 < 4 THEN $3::text[] WHEN c.lang10 < 7 THEN $4::text[]
                         ELSE $5::text[] END,
                    t.number * 4 + k, 8 + floor(bench.rnd(t.number * 4 + k, 34) * 25)::int)
         || ' ' || bench.tail(t.number * 8 + k, 2 + floor(bench.rnd(t.number * 4 + k, 36) * 4)::int,
                              c.lang10 < 4)
         || CASE WHEN bench.rnd(t.number * 4 + k, 32) < 0.00015
                 THEN ' ' || bench.pick($6::text[], bench.rnd(t.number * 4 + k, 35)) ELSE '' END,
       c.internal,
       t.created_at + (t.updated_at - t.created_at) * (k / 3.0)
  FROM tickets t
  CROSS JOIN LATERAL generate_series(1, 1 + (bench.rnd(t.number, 30) < 0.5)::int) k
  CROSS JOIN LATERAL (
    SELECT bench.rnd(t.number * 4 + k, 31) < 0.2 AS internal,
           floor(bench.rnd(t.number - 1000, 13) * 10)::int AS lang10
  ) c
 WHERE t.number BETWEEN $1 AND $2`;

/* The documents rd_refresh_ticket_search() would write, for tickets in [$1, $2] at once. */
const SEARCH_SQL = `
INSERT INTO ticket_search (ticket_id, public_doc, internal_doc, status_category)
SELECT t.id,
       setweight(rd_search_vector(t.subject), 'A')
         || rd_search_vector(t.description)
         || rd_search_vector((SELECT string_agg(c.body, ' ') FROM ticket_comments c
                              WHERE c.ticket_id = t.id AND NOT c.internal)),
       rd_search_vector((SELECT string_agg(c.body, ' ') FROM ticket_comments c
                         WHERE c.ticket_id = t.id AND c.internal)),
       t.status_category
  FROM tickets t
 WHERE t.number BETWEEN $1 AND $2`;

function timer(log) {
  let name = '';
  let t0 = 0;
  return {
    start(n) {
      name = n;
      t0 = Date.now();
    },
    end(detail) {
      log(`  ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s${detail ? ` (${detail})` : ''}`);
    },
  };
}
