import { randomBytes } from 'node:crypto';
import { statuses, type CellContext, type MatrixRow } from './authz-matrix';

/**
 * The work log's rows of the authorization matrix (authz-matrix.e2e-spec.ts): staff log work on
 * tickets they see; admins keep the price list and the settings; clients read a ticket's billed
 * work only when the installation allows it (it does not here: 404 like a missing ticket).
 */
const uniq = () => randomBytes(4).toString('hex');

async function one<T>(c: CellContext, text: string, params: unknown[] = []): Promise<T> {
  return ((await c.t.db.query(text, params)) as T[])[0];
}

const item = async (c: CellContext) =>
  (
    await one<{ id: string }>(
      c,
      `INSERT INTO billing_items (name, unit, price) VALUES ($1, 'h', 10) RETURNING id`,
      [`Matrix item ${uniq()}`],
    )
  ).id;
/** Unassigned and in no group: every staff member sees it, no client does. */
const ticket = async (c: CellContext) =>
  (await c.t.factory.ticket({ organizationId: c.w.orgA.id })).id;
const entry = async (c: CellContext) =>
  (
    await one<{ id: string }>(
      c,
      `INSERT INTO work_entries (ticket_id, user_id, work_date, duration_seconds, billed_seconds, kind, created_by_id)
       VALUES ($1, $2, '2026-03-01', 600, 600, 'billable', $2) RETURNING id`,
      [await ticket(c), c.w.admin.id],
    )
  ).id;
const count = (c: CellContext, text: string, params: unknown[]) => () => one(c, text, params);
const entryProbe = (c: CellContext, id: string) =>
  count(c, 'SELECT count(*)::int AS n, max(version) AS version FROM work_entries WHERE id = $1', [
    id,
  ]);
const itemProbe = (c: CellContext, id: string) =>
  count(c, 'SELECT count(*)::int AS n, max(version) AS version FROM billing_items WHERE id = $1', [
    id,
  ]);
const timerOf = (c: CellContext) =>
  count(c, 'SELECT count(*)::int AS n FROM work_timers WHERE user_id = $1', [c.caller?.id ?? null]);

const staff = (ok: number) => statuses(401, 403, 403, ok, ok, ok, ok);
const admins = (ok: number) => statuses(401, 403, 403, 403, 403, 403, ok);

export const WORK_LOG_ROWS: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/v1/billing-items',
    prepare: async () => ({ path: '/api/v1/billing-items' }),
    expect: staff(200),
  },
  {
    method: 'GET',
    path: '/api/v1/billing-items/{id}',
    prepare: async (c) => ({ path: `/api/v1/billing-items/${await item(c)}` }),
    expect: staff(200),
  },
  {
    method: 'POST',
    path: '/api/v1/billing-items',
    prepare: async (c) => {
      const name = `Matrix ${uniq()}`;
      return {
        path: '/api/v1/billing-items',
        body: { name, unit: 'h', price: 1 },
        probe: count(c, 'SELECT count(*)::int AS n FROM billing_items WHERE name = $1', [name]),
      };
    },
    expect: admins(201),
  },
  {
    method: 'PATCH',
    path: '/api/v1/billing-items/{id}',
    prepare: async (c) => {
      const id = await item(c);
      return {
        path: `/api/v1/billing-items/${id}`,
        body: { version: 1, price: 2 },
        probe: itemProbe(c, id),
      };
    },
    expect: admins(200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/billing-items/{id}',
    prepare: async (c) => {
      const id = await item(c);
      return { path: `/api/v1/billing-items/${id}`, probe: itemProbe(c, id) };
    },
    expect: admins(204),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/work-entries',
    prepare: async (c) => ({ path: `/api/v1/tickets/${await ticket(c)}/work-entries` }),
    expect: statuses(401, 404, 404, 200, 200, 200, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/work-entries/history',
    prepare: async (c) => ({ path: `/api/v1/tickets/${await ticket(c)}/work-entries/history` }),
    expect: staff(200),
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/work-entries',
    prepare: async (c) => {
      const id = await ticket(c);
      return {
        path: `/api/v1/tickets/${id}/work-entries`,
        body: { durationSeconds: 600 },
        probe: count(c, 'SELECT count(*)::int AS n FROM work_entries WHERE ticket_id = $1', [id]),
      };
    },
    expect: staff(201),
  },
  {
    method: 'POST',
    path: '/api/v1/work-entries/batch',
    prepare: async (c) => {
      const ids = [await ticket(c), await ticket(c)];
      return {
        path: '/api/v1/work-entries/batch',
        body: { split: 'even', ticketIds: ids, durationSeconds: 600 },
        probe: count(c, 'SELECT count(*)::int AS n FROM work_entries WHERE ticket_id = ANY($1)', [
          ids,
        ]),
      };
    },
    expect: staff(201),
  },
  {
    method: 'PATCH',
    path: '/api/v1/work-entries/{id}',
    prepare: async (c) => {
      const id = await entry(c);
      return {
        path: `/api/v1/work-entries/${id}`,
        body: { version: 1, description: 'Changed by the matrix' },
        probe: entryProbe(c, id),
      };
    },
    expect: staff(200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/work-entries/{id}',
    prepare: async (c) => {
      const id = await entry(c);
      return { path: `/api/v1/work-entries/${id}`, probe: entryProbe(c, id) };
    },
    expect: staff(204),
  },
  {
    method: 'GET',
    path: '/api/v1/me/work-timer',
    prepare: async () => ({ path: '/api/v1/me/work-timer' }),
    expect: staff(200),
  },
  {
    method: 'POST',
    path: '/api/v1/me/work-timer',
    prepare: async (c) => {
      if (c.caller) await c.t.db.query('DELETE FROM work_timers WHERE user_id = $1', [c.caller.id]);
      return {
        path: '/api/v1/me/work-timer',
        body: { ticketId: await ticket(c) },
        probe: timerOf(c),
      };
    },
    expect: staff(201),
  },
  {
    method: 'DELETE',
    path: '/api/v1/me/work-timer',
    prepare: async (c) => {
      if (c.caller) {
        await c.t.db.query(
          `INSERT INTO work_timers (user_id, ticket_id, started_at) VALUES ($1, $2, now())
           ON CONFLICT (user_id) DO NOTHING`,
          [c.caller.id, await ticket(c)],
        );
      }
      return { path: '/api/v1/me/work-timer', probe: timerOf(c) };
    },
    expect: staff(200),
  },
  {
    method: 'GET',
    path: '/api/v1/work-report',
    prepare: async () => ({ path: '/api/v1/work-report' }),
    expect: staff(200),
  },
  {
    method: 'GET',
    path: '/api/v1/work-report/export.csv',
    prepare: async () => ({ path: '/api/v1/work-report/export.csv' }),
    expect: staff(200),
  },
  {
    method: 'GET',
    path: '/api/v1/contracts/{id}/work-usage',
    prepare: async (c) => {
      const { id } = await one<{ id: string }>(
        c,
        `INSERT INTO contracts (organization_id, number, title, status, allowance_seconds, allowance_period)
         VALUES ($1, $2, 'Matrix contract', 'active', 3600, 'month') RETURNING id`,
        [c.w.orgA.id, `WM-${uniq()}`],
      );
      return { path: `/api/v1/contracts/${id}/work-usage` };
    },
    expect: staff(200),
  },
  {
    method: 'GET',
    path: '/api/v1/work-log/settings',
    prepare: async () => ({ path: '/api/v1/work-log/settings' }),
    expect: staff(200),
  },
  {
    method: 'PUT',
    path: '/api/v1/work-log/settings',
    prepare: async (c) => {
      const { version } = await one<{ version: number }>(
        c,
        'SELECT version FROM work_log_settings WHERE id = 1',
      );
      return {
        path: '/api/v1/work-log/settings',
        body: { version, clientsSeeBilled: false },
        probe: count(c, 'SELECT version FROM work_log_settings WHERE id = 1', []),
      };
    },
    expect: admins(200),
  },
];
