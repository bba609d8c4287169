import { randomBytes } from 'node:crypto';
import { statuses, type CellContext, type MatrixRow } from './authz-matrix';

/**
 * The register import's rows of the authorization matrix (authz-matrix.e2e-spec.ts): imports
 * are for administrators only (a dispatcher manages contracts but does not import); the export
 * is for every reader, narrowed by the lists' rule (register-import.e2e-spec.ts checks what).
 */
const uniq = () => randomBytes(4).toString('hex');
const adminOnly = (ok: number) => statuses(401, 403, 403, 403, 403, 403, ok);

async function job(c: CellContext, state = 'done'): Promise<string> {
  const [{ id }] = (await c.t.db.query(
    `INSERT INTO register_imports (register, mode, state, file_key, file_name, size_bytes,
                                   delimiter, created_by)
     VALUES ('organizations', 'dry_run', $1, 'regimport-matrix', $2, 10, ',', $3) RETURNING id`,
    [state, `matrix-${uniq()}.csv`, c.w.admin.id],
  )) as { id: string }[];
  return id;
}

const modeOf = (c: CellContext, id: string) => async () =>
  (
    (await c.t.db.query('SELECT mode, state FROM register_imports WHERE id = $1', [id])) as object[]
  )[0];

export const REGISTER_IMPORT_ROWS: MatrixRow[] = [
  {
    method: 'POST',
    path: '/api/v1/registers/{register}/imports',
    prepare: async (c) => {
      const name = `matrix-${uniq()}.csv`;
      return {
        path: '/api/v1/registers/organizations/imports',
        file: { name, content: Buffer.from(`external_id,name\nM-${uniq()},Matrix org\n`) },
        probe: async () =>
          (
            (await c.t.db.query(
              'SELECT count(*)::int AS n FROM register_imports WHERE file_name = $1',
              [name],
            )) as object[]
          )[0],
      };
    },
    expect: adminOnly(201),
  },
  {
    method: 'GET',
    path: '/api/v1/register-imports/{id}',
    prepare: async (c) => ({ path: `/api/v1/register-imports/${await job(c)}` }),
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/v1/register-imports/{id}/import',
    prepare: async (c) => {
      const id = await job(c);
      return { path: `/api/v1/register-imports/${id}/import`, probe: modeOf(c, id) };
    },
    expect: adminOnly(200),
  },
  {
    method: 'GET',
    path: '/api/v1/registers/{register}/export',
    prepare: async () => ({ path: '/api/v1/registers/equipment/export' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
];
