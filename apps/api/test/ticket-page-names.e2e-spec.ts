import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The names on a ticket list page (type, status, organization, requester, assignee, group) are
 * cached in each API instance (TicketNamesCache). These tests warm the caches, change a name
 * behind them in every way a name can change, and expect the next page to show the new one:
 * without the `name_versions` counter and its triggers (migration 1765620000000) each of them
 * would keep showing the old name.
 */
describe('ticket list names stay current with the per-instance names cache', () => {
  let t: TestApp;
  let second: NestExpressApplication;
  let adminToken: string;
  let clientToken: string;
  let ticket: { id: string };
  const ids = {} as Record<'org' | 'group' | 'requester' | 'assignee' | 'admin', string>;

  beforeAll(async () => {
    t = await startTestApp();
    second = await t.secondInstance();
    const org = await t.factory.organization('Names Org');
    ids.org = org.id;
    const admin = await t.factory.user({ role: 'admin', name: 'Names Admin' });
    ids.admin = admin.id;
    const assignee = await t.factory.user({ role: 'agent', name: 'Ada Assignee' });
    ids.assignee = assignee.id;
    const requester = await t.factory.user({
      role: 'client',
      name: 'Rita Requester',
      organizationId: org.id,
    });
    ids.requester = requester.id;
    ids.group = (await t.factory.group('Names Group', [assignee.id])).id;
    ticket = await t.factory.ticket({
      subject: 'Names cache ticket',
      organizationId: org.id,
      requesterId: requester.id,
      assigneeId: assignee.id,
      groupId: ids.group,
      status: 'open',
    });
    adminToken = await t.tokenFor(admin.id);
    clientToken = await t.tokenFor(requester.id);
  });
  afterAll(() => t.close());

  type Row = {
    id: string;
    status: string;
    statusName: Record<string, string>;
    type: { key: string; name: Record<string, string> } | null;
    organization: { name: string } | null;
    requester: { name: string } | null;
    assignee?: { name: string } | null;
    group?: { name: string } | null;
  };

  async function rowOn(app: NestExpressApplication, token = adminToken): Promise<Row> {
    const res = await request(app.getHttpServer())
      .get('/api/v1/tickets?limit=50')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const row = (res.body.items as Row[]).find((r) => r.id === ticket.id);
    if (!row) throw new Error('the ticket is not on the page');
    return row;
  }

  /** Both instances (and a client's page) have read the page, so every cache holds its names. */
  async function warm(): Promise<void> {
    await rowOn(t.app);
    await rowOn(second);
    await rowOn(t.app, clientToken);
  }

  it('shows the names from the database on the first page', async () => {
    const row = await rowOn(t.app);
    expect({
      org: row.organization?.name,
      requester: row.requester?.name,
      assignee: row.assignee?.name,
      group: row.group?.name,
      status: row.statusName.en,
    }).toEqual({
      org: 'Names Org',
      requester: 'Rita Requester',
      assignee: 'Ada Assignee',
      group: 'Names Group',
      status: expect.any(String),
    });
  });

  it('a user renamed through the API shows under the new name on both instances', async () => {
    await warm();
    const user = await request(t.app.getHttpServer())
      .get(`/api/v1/users/${ids.assignee}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    await request(second.getHttpServer())
      .patch(`/api/v1/users/${ids.assignee}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ version: user.body.version, name: 'Ada Renamed' })
      .expect(200);
    expect((await rowOn(t.app)).assignee?.name).toBe('Ada Renamed');
    expect((await rowOn(second)).assignee?.name).toBe('Ada Renamed');
  });

  it('names changed by any statement show on the next page, for staff and for the client', async () => {
    await warm();
    await t.db.query(`UPDATE organizations SET name = 'Names Org II' WHERE id = $1`, [ids.org]);
    expect((await rowOn(t.app)).organization?.name).toBe('Names Org II');
    expect((await rowOn(t.app, clientToken)).organization?.name).toBe('Names Org II');

    await warm();
    await t.db.query(`UPDATE users SET name = 'Rita Renamed' WHERE id = $1`, [ids.requester]);
    expect((await rowOn(second, clientToken)).requester?.name).toBe('Rita Renamed');
    expect((await rowOn(t.app)).requester?.name).toBe('Rita Renamed');

    await warm();
    await t.db.query(`UPDATE groups SET name = 'Names Group II' WHERE id = $1`, [ids.group]);
    expect((await rowOn(second)).group?.name).toBe('Names Group II');

    await warm();
    const [{ type_id: typeId }] = (await t.db.query(`SELECT type_id FROM tickets WHERE id = $1`, [
      ticket.id,
    ])) as { type_id: string }[];
    await t.db.query(
      `UPDATE ticket_types SET name = jsonb_set(name, '{en}', '"Renamed type"') WHERE id = $1`,
      [typeId],
    );
    expect((await rowOn(t.app)).type?.name.en).toBe('Renamed type');
  });

  it('a status renamed, or removed and added again under its key, shows its current name', async () => {
    await warm();
    const [{ workflow_id: workflowId, status }] = (await t.db.query(
      `SELECT workflow_id, status FROM tickets WHERE id = $1`,
      [ticket.id],
    )) as { workflow_id: string; status: string }[];
    await t.db.query(
      `UPDATE workflow_statuses SET name = jsonb_set(name, '{en}', '"Being worked on"')
        WHERE workflow_id = $1 AND key = $2`,
      [workflowId, status],
    );
    expect((await rowOn(t.app)).statusName.en).toBe('Being worked on');
    expect((await rowOn(second)).statusName.en).toBe('Being worked on');

    // Removed and inserted again with the same key (statuses are found by workflow and key, not
    // by a fresh id): one transaction, so the ticket's status never dangles.
    await warm();
    await t.db.transaction(async (em) => {
      // TypeORM answers a DELETE … RETURNING with [rows, count].
      const [[old]] = (await em.query(
        `DELETE FROM workflow_statuses WHERE workflow_id = $1 AND key = $2 RETURNING *`,
        [workflowId, status],
      )) as [Record<string, unknown>[], number];
      const columns = Object.keys(old);
      const values = columns.map((c) => (c === 'name' ? { en: 'Back again' } : old[c]));
      await em.query(
        `INSERT INTO workflow_statuses (${columns.map((c) => `"${c}"`).join(', ')})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        values,
      );
    });
    expect((await rowOn(second)).statusName.en).toBe('Back again');
  });

  it('a rename inside a transaction that rolls back leaves the name as it was', async () => {
    await warm();
    await t.db
      .transaction(async (em) => {
        await em.query(`UPDATE users SET name = 'Never Seen' WHERE id = $1`, [ids.requester]);
        // While the rename is uncommitted, pages go on with the committed name.
        expect((await rowOn(t.app)).requester?.name).toBe('Rita Renamed');
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await rowOn(t.app)).requester?.name).toBe('Rita Renamed');
  });
});
