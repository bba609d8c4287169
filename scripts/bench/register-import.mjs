// The register CSV import (issue 18): BENCH_IMPORT_ROWS equipment rows (100,000) through the
// API's RegisterImportWorker, on a database of its own. Rows/s and peak memory of the process
// that runs the import, against PostgreSQL's own COPY of the same rows in the same run.
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { copyFile as copy } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const DATABASE = 'relaydesk_bench_import';

/** Writes `rows` lines through the stream's back-pressure (the file is never in memory). */
async function writeLines(path, header, rows, line) {
  const out = createWriteStream(path);
  out.write(`\uFEFF${header}\n`);
  for (let i = 1; i <= rows; i++) {
    if (!out.write(`${line(i)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs `work` while sampling this process's memory; the peaks above the level before it. */
async function measured(work) {
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      ms: performance.now() - started,
      peakRssMiB: Math.round(peakRss / 2 ** 20),
      rssGrowthMiB: Math.round((peakRss - before.rss) / 2 ** 20),
      heapGrowthMiB: Math.round((peakHeap - before.heapUsed) / 2 ** 20),
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * With BENCH_IMPORT_TRACE=true and node --expose-gc: the heap, external memory (Buffers) and RSS
 * after a full GC at every 10th
 * batch (the job's progress UPDATE), so growth that survives collection (a leak, a buffer that
 * keeps rows) shows apart from garbage not yet collected, which peak RSS also counts.
 */
function traceBatches(ds, mode) {
  if (process.env.BENCH_IMPORT_TRACE !== 'true' || !global.gc) return { stop: () => null };
  const query = ds.query;
  const points = [];
  let batch = 0;
  ds.query = function (text, ...rest) {
    if (typeof text === 'string' && text.startsWith('UPDATE register_imports SET rows_done')) {
      if (batch++ % 10 === 0) {
        global.gc();
        const m = process.memoryUsage();
        const mib = (n) => Math.round(n / 2 ** 20);
        points.push(`${batch}:${mib(m.heapUsed)}/${mib(m.external)}/${mib(m.rss)}`);
      }
    }
    return query.call(this, text, ...rest);
  };
  return {
    stop: () => {
      ds.query = query;
      return `${mode} heap/external/RSS MiB after GC by batch: ${points.join(' ')}`;
    },
  };
}

export async function registerImportBench({ cluster, root, log, rows = 100_000 }) {
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

  const dir = join(root, '.data/bench/import');
  mkdirSync(dir, { recursive: true });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const one = async (text, params = []) => (await db.query(text, params)).rows[0];
  const { id: orgId } = await one(`INSERT INTO organizations (name) VALUES ('Bench') RETURNING id`);
  await db.query(
    `INSERT INTO register_external_ids (register, external_id, row_id) VALUES ('organizations', 'ORG-1', $1)`,
    [orgId],
  );
  const { id: typeId } = await one(
    `INSERT INTO equipment_types (name) VALUES ('Printer') RETURNING id`,
  );
  const { id: adminId } = await one(
    `INSERT INTO users (email, password_hash, name, role) VALUES ('import-bench@bench.test', 'x', 'Bench', 'admin') RETURNING id`,
  );

  // The file an administrator would upload (`;`, BOM, a quoted model with the separator in it).
  const file = join(dir, 'equipment.csv');
  await writeLines(
    file,
    'external_id;organization;type;manufacturer;model;serial_number;inventory_number;installed_on;status',
    rows,
    (i) =>
      `EQ-${i};ORG-1;Printer;Kyocera;"ECOSYS; M${i % 1000}";SN-${i};INV-${i};2025-01-${String((i % 28) + 1).padStart(2, '0')};in_service`,
  );
  // The same rows as the table stores them, for PostgreSQL's COPY (the baseline).
  const copyFile = join(dir, 'equipment-copy.csv');
  await writeLines(
    copyFile,
    'organization_id,type_id,manufacturer,model,serial_number,inventory_number,installed_on,status',
    rows,
    (i) =>
      `${orgId},${typeId},Kyocera,"ECOSYS; M${i % 1000}",COPY-${i},INV-${i},2025-01-${String((i % 28) + 1).padStart(2, '0')},in_service`,
  );

  const { loadConfig } = await import(dist('config/app-config.js'));
  const { createApp } = await import(dist('create-app.js'));
  const { RegisterImportWorker } = await import(dist('modules/register-import/index.js'));
  const { AttachmentStorage } = await import(dist('modules/tickets/index.js'));
  const { pino } = await import('pino');
  const { DataSource } = await import('typeorm');
  const config = loadConfig(
    {},
    {
      databaseUrl: url,
      jwtSecret: 'bench-secret-that-is-long-enough-for-hs256-0000',
      schedulerEnabled: false,
      demoData: false,
      logLevel: 'silent',
      dataDir: join(dir, 'api'),
    },
  );
  const app = await createApp({ config, logger: pino({ level: 'silent' }) });
  const rounds = [];
  try {
    const worker = app.get(RegisterImportWorker);
    const storage = app.get(AttachmentStorage);
    // storage.put may move the file away: keep a pristine copy to restore before each round.
    const pristine = join(dir, 'equipment.pristine.csv');
    await copy(file, pristine);
    for (const mode of ['import', 're-import']) {
      await copy(pristine, file);
      const key = `regimport-bench-${Date.now()}`;
      await storage.put(key, file);
      const job = await one(
        `INSERT INTO register_imports (register, mode, file_key, file_name, size_bytes, delimiter, created_by)
         VALUES ('equipment', 'import', $1, 'equipment.csv', 0, ';', $2) RETURNING id`,
        [key, adminId],
      );
      const trace = traceBatches(app.get(DataSource), mode);
      const m = await measured(() => worker.runDue());
      const batches = trace.stop();
      const done = await one(
        'SELECT state, rows_done, created_count, updated_count, error_count FROM register_imports WHERE id = $1',
        [job.id],
      );
      const expected = mode === 'import' ? [rows, 0] : [0, rows];
      if (
        done.state !== 'done' ||
        done.rows_done !== rows ||
        done.created_count !== expected[0] ||
        done.updated_count !== expected[1]
      ) {
        throw new Error(`register ${mode}: ${JSON.stringify(done)}`);
      }
      await storage.remove(key);
      const perSecond = Math.round((rows / m.ms) * 1000);
      log(
        `register ${mode}: ${rows} equipment rows in ${Math.round(m.ms)} ms = ${perSecond} rows/s, peak RSS ${m.peakRssMiB} MiB (+${m.rssGrowthMiB})`,
      );
      if (batches) log(`register ${mode}: ${batches}`);
      rounds.push({ mode, rows, ...m, ms: Math.round(m.ms), perSecond, result: undefined });
    }
    const { count } = await one(
      `SELECT count(*)::int AS count FROM equipment_items WHERE serial_number LIKE 'SN-%'`,
    );
    if (count !== rows) throw new Error(`register import: ${count} items for ${rows} rows`);

    // The baseline: PostgreSQL reads the same rows itself, no parsing, checks or lookups of ours.
    const c = await measured(() =>
      db.query(
        `COPY equipment_items (organization_id, type_id, manufacturer, model, serial_number,
                               inventory_number, installed_on, status)
         FROM '${copyFile.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`,
      ),
    );
    const copyPerSecond = Math.round((rows / c.ms) * 1000);
    log(`COPY baseline: ${rows} rows in ${Math.round(c.ms)} ms = ${copyPerSecond} rows/s`);
    for (const r of rounds) r.ofCopy = Math.round((r.perSecond / copyPerSecond) * 1000) / 10;
    return { rows, rounds, copy: { ms: Math.round(c.ms), perSecond: copyPerSecond } };
  } finally {
    await app.close();
    await db.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatRegisterImport(r) {
  return [
    `Register CSV import: ${r.rows.toLocaleString('en')} equipment rows (one transaction, batches of 1,000), against COPY of the same rows`,
    '| run       |    ms |  rows/s | % of COPY | peak RSS MiB | RSS growth MiB | heap growth MiB |',
    '|-----------|------:|--------:|----------:|-------------:|---------------:|----------------:|',
    ...r.rounds.map(
      (x) =>
        `| ${x.mode.padEnd(9)} | ${String(x.ms).padStart(5)} | ${String(x.perSecond).padStart(7)} | ${String(x.ofCopy).padStart(8)}% | ${String(x.peakRssMiB).padStart(12)} | ${String(x.rssGrowthMiB).padStart(14)} | ${String(x.heapGrowthMiB).padStart(15)} |`,
    ),
    `| COPY      | ${String(r.copy.ms).padStart(5)} | ${String(r.copy.perSecond).padStart(7)} |      100% |              |                |                 |`,
  ].join('\n');
}
