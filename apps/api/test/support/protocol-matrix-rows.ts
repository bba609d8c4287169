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
