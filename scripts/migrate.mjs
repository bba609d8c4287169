// Runs pending migrations against DATABASE_URL (the API also does this on start).
import 'reflect-metadata';
import { createDataSource } from '../apps/api/dist/database/data-source.js';
import { runMigrations } from '../apps/api/dist/database/run-migrations.js';

const url = process.env.DATABASE_URL ?? process.argv[2];
const ds = createDataSource(url, 2);
await ds.initialize();
const ran = await runMigrations(ds);
console.log(ran.length ? `applied: ${ran.join(', ')}` : 'schema is up to date');
await ds.destroy();
