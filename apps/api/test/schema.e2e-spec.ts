import { startTestApp, type TestApp } from './support/test-app';

describe('database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('migrations produce exactly what the entities describe (no drift)', async () => {
    const pending = await t.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has no pending migrations after start', async () => {
    expect(await t.db.showMigrations()).toBe(false);
  });

  it('indexes every ticket list filter', async () => {
    const rows = (await t.db.query(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'tickets'`,
    )) as {
      indexdef: string;
    }[];
    const leading = rows.map((r) => /\((\w+)/.exec(r.indexdef.replace(/"/g, ''))?.[1]);
    for (const column of [
      'assignee_id',
      'group_id',
      'requester_id',
      'organization_id',
      'created_by_id',
      'status',
      'status_category',
      'priority',
      'channel',
      'type_id',
      'due_at',
      'created_at',
      'updated_at',
      'category_id',
      'project_id',
      // the scheduler's only entry point
      'next_timer_at',
      // the Overdue queue, due filters and the calendar (manual due date, else the SLA deadline)
      'effective_due_at',
      // the SLA sweep's only entry point
      'sla_next_check_at',
    ]) {
      expect({ column, indexed: leading.includes(column) }).toEqual({ column, indexed: true });
    }
  });
});
