import { randomBytes } from 'node:crypto';
import { bearer } from './personas';
import { PNG, statuses, type CellContext, type MatrixRow } from './authz-matrix';

/**
 * The authorization matrix's rows for the files of records (issue 18): contract documents (read
 * by whoever sees the contract, a client only the shared ones; written by contracts.manage) and
 * work entry files (staff who see the entry's ticket, never clients).
 */
const uniq = () => randomBytes(4).toString('hex');

async function one<T>(c: CellContext, text: string, params: unknown[] = []): Promise<T> {
  return ((await c.t.db.query(text, params)) as T[])[0];
}

const contract = async (c: CellContext) =>
  (
    await one<{ id: string }>(
      c,
      `INSERT INTO contracts (organization_id, number, title, status)
       VALUES ($1, $2, 'Matrix contract', 'active') RETURNING id`,
      [c.w.orgA.id, `MD-${uniq()}`],
    )
  ).id;

/** Unassigned and in no group: every staff member sees it, no client does. */
const entry = async (c: CellContext) => {
  const ticket = await c.t.factory.ticket({ organizationId: c.w.orgA.id });
  return (
    await one<{ id: string }>(
      c,
      `INSERT INTO work_entries (ticket_id, user_id, work_date, duration_seconds, billed_seconds, kind, created_by_id)
       VALUES ($1, $2, '2026-03-01', 600, 600, 'billable', $2) RETURNING id, ticket_id`,
      [ticket.id, c.w.admin.id],
    )
  ).id;
};

/** A file uploaded by the admin through the API, as `{ parentId, fileId }`. */
async function uploaded(c: CellContext, path: string, shared = false) {
  let r = c.t.http().post(path).set('Authorization', bearer(c.w.admin));
  if (shared) r = r.field('shared', 'true');
  const res = await r.attach('file', PNG, { filename: 'matrix.png', contentType: 'image/png' });
  if (res.status !== 201) throw new Error(`fixture upload failed: ${res.status}`);
  return (res.body as { id: string }).id;
}

const documentOf = async (c: CellContext) => {
  const contractId = await contract(c);
  const fileId = await uploaded(c, `/api/v1/contracts/${contractId}/documents`, true);
  return { base: `/api/v1/contracts/${contractId}/documents`, fileId };
};
const entryFileOf = async (c: CellContext) => {
  const entryId = await entry(c);
  const fileId = await uploaded(c, `/api/v1/work-entries/${entryId}/attachments`);
  return { entryId, base: `/api/v1/work-entries/${entryId}/attachments`, fileId };
};
const count = (c: CellContext, text: string, params: unknown[]) => () => one(c, text, params);

const orgAReaders = statuses(401, 200, 404, 200, 200, 200, 200);
const managers = (ok: number) => statuses(401, 403, 403, 403, 403, ok, ok);
const staff = (ok: number) => statuses(401, 403, 403, ok, ok, ok, ok);

export const RECORD_FILES_ROWS: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/v1/contracts/{id}/documents',
    prepare: async (c) => ({ path: (await documentOf(c)).base }),
    expect: orgAReaders,
  },
  {
    method: 'GET',
    path: '/api/v1/contracts/{id}/documents/{documentId}',
    prepare: async (c) => {
      const { base, fileId } = await documentOf(c);
      return { path: `${base}/${fileId}` };
    },
    expect: orgAReaders,
  },
  {
    method: 'POST',
    path: '/api/v1/contracts/{id}/documents',
    prepare: async (c) => {
      const id = await contract(c);
      return {
        path: `/api/v1/contracts/${id}/documents`,
        file: { name: 'matrix.png', content: PNG },
        probe: count(
          c,
          'SELECT count(*)::int AS n FROM contract_documents WHERE contract_id = $1',
          [id],
        ),
      };
    },
    expect: managers(201),
  },
  {
    method: 'PATCH',
    path: '/api/v1/contracts/{id}/documents/{documentId}',
    prepare: async (c) => {
      const { base, fileId } = await documentOf(c);
      return {
        path: `${base}/${fileId}`,
        body: { shared: false, version: 1 },
        probe: count(c, 'SELECT shared, version FROM contract_documents WHERE id = $1', [fileId]),
      };
    },
    expect: managers(200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/contracts/{id}/documents/{documentId}',
    prepare: async (c) => {
      const { base, fileId } = await documentOf(c);
      return {
        path: `${base}/${fileId}`,
        probe: count(c, 'SELECT deleted_at FROM contract_documents WHERE id = $1', [fileId]),
      };
    },
    expect: managers(204),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/work-entries/attachments',
    prepare: async (c) => {
      const { entryId } = await entryFileOf(c);
      const { ticket_id } = await one<{ ticket_id: string }>(
        c,
        'SELECT ticket_id FROM work_entries WHERE id = $1',
        [entryId],
      );
      return { path: `/api/v1/tickets/${ticket_id}/work-entries/attachments` };
    },
    expect: staff(200),
  },
  {
    method: 'POST',
    path: '/api/v1/work-entries/{id}/attachments',
    prepare: async (c) => {
      const id = await entry(c);
      return {
        path: `/api/v1/work-entries/${id}/attachments`,
        file: { name: 'matrix.png', content: PNG },
        probe: count(
          c,
          'SELECT count(*)::int AS n FROM work_entry_attachments WHERE work_entry_id = $1',
          [id],
        ),
      };
    },
    expect: staff(201),
  },
  {
    method: 'GET',
    path: '/api/v1/work-entries/{id}/attachments',
    prepare: async (c) => ({ path: (await entryFileOf(c)).base }),
    expect: staff(200),
  },
  {
    method: 'GET',
    path: '/api/v1/work-entries/{id}/attachments/{attachmentId}',
    prepare: async (c) => {
      const { base, fileId } = await entryFileOf(c);
      return { path: `${base}/${fileId}` };
    },
    expect: staff(200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/work-entries/{id}/attachments/{attachmentId}',
    prepare: async (c) => {
      const { base, fileId } = await entryFileOf(c);
      return {
        path: `${base}/${fileId}`,
        probe: count(c, 'SELECT deleted_at FROM work_entry_attachments WHERE id = $1', [fileId]),
      };
    },
    expect: staff(204),
  },
];
