// Prints the SQL TypeORM would run to make the database at DATABASE_URL match the entities.
// Empty output means entities and migrations agree. Use it to write a migration:
//   npm run build && DATABASE_URL=postgres://… node scripts/schema-diff.mjs
import 'reflect-metadata';
import { createDataSource } from '../apps/api/dist/database/data-source.js';

const url = process.env.DATABASE_URL ?? process.argv[2];
if (!url) {
  console.error('Usage: DATABASE_URL=postgres://… node scripts/schema-diff.mjs');
  process.exit(2);
}
const ds = createDataSource(url, 2);
await ds.initialize();
const log = await ds.driver.createSchemaBuilder().log();
for (const q of log.upQueries) console.log(`${q.query};`);
await ds.destroy();
