import { randomBytes } from 'node:crypto';
import { statuses, ticketState, type CellContext, type MatrixRow } from './authz-matrix';

/**
 * The service protocol's rows of the authorization matrix (authz-matrix.e2e-spec.ts): staff who
 * see the ticket print it; a client (even its requester) and staff who do not see it get 404
 * (service-protocol.e2e-spec.ts checks what the PDF holds).
 */
const target = (c: CellContext) =>
  c.t.factory.ticket({
    subject: `Protocol target ${randomBytes(4).toString('hex')}`,
    typeKey: 'microclimate',
    organizationId: c.w.orgA.id,
    requesterId: c.w.clientA.id,
    createdById: c.w.clientA.id,
    assigneeId: c.w.otherAgent.id,
    groupId: c.w.otherGroup.id,
  });

export const PROTOCOL_ROWS: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/protocol',
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await target(c)).id}/protocol?lang=ru` }),
    expect: statuses(401, 404, 404, 404, 404, 200, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/protocol/attachments',
    prepare: async (c) => {
      const ticket = await target(c);
      return {
        path: `/api/v1/tickets/${ticket.id}/protocol/attachments?lang=cs`,
        probe: () => ticketState(c.t, ticket.id),
      };
    },
    expect: statuses(401, 404, 404, 404, 404, 201, 201),
  },
];

/** The installation's company details and time zone, printed on protocols: admins only. */
const installationRow = async (c: CellContext) =>
  (
    (await c.t.db.query(
      'SELECT version, company_name, time_zone FROM installation_settings WHERE id = 1',
    )) as { version: number; company_name: string; time_zone: string }[]
  )[0];

export const INSTALLATION_SETTINGS_ROWS: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/v1/admin/installation-settings',
    prepare: async () => ({ path: '/api/v1/admin/installation-settings' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    // The same values at the current version: the write shows in the version alone.
    method: 'PUT',
    path: '/api/v1/admin/installation-settings',
    async prepare(c) {
      const current = await installationRow(c);
      return {
        path: '/api/v1/admin/installation-settings',
        body: {
          version: current.version,
          companyName: current.company_name,
          timeZone: current.time_zone,
        },
        probe: () => installationRow(c),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
];
