import { createHash, randomBytes } from 'node:crypto';
import { COUNTED_VIEWS } from '@relaydesk/contracts';
import { PasswordResets } from '../src/modules/auth/account-tokens/password-resets.service';
import { RatingLinkService } from '../src/modules/tickets/satisfaction/rating-link.service';
import { UnsubscribeTokens } from '../src/modules/notifications/preferences/unsubscribe-token';
import { TEST_PASSWORD, type TicketSeed } from './support/factory';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { KB_ROWS } from './support/kb-matrix-rows';
import { CONTRACTS_ROWS } from './support/contracts-matrix-rows';
import { REGISTER_IMPORT_ROWS } from './support/register-import-matrix-rows';
import { INSTALLATION_SETTINGS_ROWS, PROTOCOL_ROWS } from './support/protocol-matrix-rows';
import { WORK_LOG_ROWS } from './support/work-log-matrix-rows';
import { RECORD_FILES_ROWS } from './support/record-files-matrix-rows';
import { createServiceAccountToken } from './support/service-token';
import { startTestApp, type TestApp } from './support/test-app';
import {
  callerFor,
  describeResult,
  documentedOperations,
  PERSONAS,
  PNG,
  rowCount,
  rowKey,
  rowState,
  send,
  statuses,
  templatePattern,
  ticketState,
  type CellContext,
  type MatrixRow,
} from './support/authz-matrix';

const uniq = () => randomBytes(4).toString('hex');

/**
 * The ticket most ticket rows act on, chosen so that each persona lands on a different rule:
 * - requested by clientA for org A, of a public type: clientA sees it (own request);
 * - clientB is in org B: invisible, so 404 (never 403: a client must not learn it exists);
 * - assigned to otherAgent in otherGroup: `agent` is not the assignee, not in the group, not the
 *   requester or creator, and the ticket is not unassigned: invisible, 404;
 * - departmentHead heads "Service" (themselves and departmentMember): neither the requester
 *   (clientA) nor the assignee (otherAgent) is in it: invisible, 404;
 * - dispatcher and admin see every ticket.
 */
function targetTicket(c: CellContext, seed: TicketSeed = {}) {
  return c.t.factory.ticket({
    subject: `Matrix target ${uniq()}`,
    typeKey: 'microclimate',
    organizationId: c.w.orgA.id,
    requesterId: c.w.clientA.id,
    createdById: c.w.clientA.id,
    assigneeId: c.w.otherAgent.id,
    groupId: c.w.otherGroup.id,
    ...seed,
  });
}

/** A public file on the target ticket, uploaded by the dispatcher (who may see it). */
async function attachmentOnTarget(c: CellContext): Promise<string> {
  const ticket = await targetTicket(c);
  const res = await c.t
    .http()
    .post(`/api/v1/tickets/${ticket.id}/attachments`)
    .set('Authorization', bearer(c.w.dispatcher))
    .attach('file', PNG, { filename: 'plan.png', contentType: 'image/png' });
  if (res.status !== 201) throw new Error(`fixture upload failed: ${res.status}`);
  return (res.body as { id: string }).id;
}

/** How many ratings a ticket has: what a rating link's submit writes. */
const ratingCount = (c: CellContext, ticketId: string) =>
  firstRow(c, 'SELECT count(*)::int AS n FROM ticket_ratings WHERE ticket_id = $1', [ticketId]);

const firstRow = async <T>(c: CellContext, text: string, params: unknown[] = []): Promise<T> =>
  ((await c.t.db.query(text, params)) as T[])[0];

/** A global canned response: every staff member sees it, only admins keep it. */
const matrixCanned = async (c: CellContext): Promise<string> =>
  (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO canned_responses (title, body, scope, language)
       VALUES ($1, 'Hello {{requester.name}}', 'global', 'en') RETURNING id`,
      [`Matrix global ${uniq()}`],
    )
  ).id;

/** A rule no ticket matches (the first match wins: it must not route other rows' tickets). */
const matrixRuleBody = () => ({
  name: `Matrix rule ${uniq()}`,
  conditions: { subjectWords: [`matrixnevermatches${uniq()}`] },
  actions: { priority: 'low' },
});

/** A fresh assignment rule, written as a fixture; returns its id. */
const matrixAlertRule = async (c: CellContext): Promise<string> =>
  (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO alert_rules (name, position, set_priority) VALUES ($1, 1000, 'low') RETURNING id`,
      [`Matrix alert rule ${uniq()}`],
    )
  ).id;
const matrixRule = async (c: CellContext): Promise<string> =>
  (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO assignment_rules (name, position, conditions, set_priority)
       VALUES ($1, 1000, $2, 'low') RETURNING id`,
      [matrixRuleBody().name, JSON.stringify(matrixRuleBody().conditions)],
    )
  ).id;

/** A fresh internal ticket type on the Okdesk workflow, for rows that change one. */
const matrixTicketType = async (c: CellContext): Promise<string> =>
  (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO ticket_types (key, name, workflow_id)
       SELECT $1, '{"en":"Matrix type"}', id FROM workflows WHERE key = 'okdesk' RETURNING id`,
      [`matrix_${uniq()}`],
    )
  ).id;

/** A fresh text field on a fresh type. */
async function matrixField(c: CellContext): Promise<{ typeId: string; fieldId: string }> {
  const typeId = await matrixTicketType(c);
  const field = await firstRow<{ id: string }>(
    c,
    `INSERT INTO ticket_type_fields (type_id, key, name, kind) VALUES ($1, 'note', '{"en":"Note"}', 'text')
     RETURNING id`,
    [typeId],
  );
  return { typeId, fieldId: field.id };
}

/** A fresh project managed by the agent persona. */
const matrixProject = async (c: CellContext): Promise<string> =>
  (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO projects (name, manager_id) VALUES ($1, $2) RETURNING id`,
      [`Matrix project ${uniq()}`, c.w.agent.id],
    )
  ).id;

/**
 * The token of the account mail `send` makes the API queue to `address` (taken from the link in
 * the queued delivery, as its reader would).
 */
async function mailedToken(
  c: CellContext,
  address: string,
  kind: string,
  send: () => PromiseLike<{ status: number }>,
): Promise<string> {
  const res = await send();
  if (res.status !== 202) throw new Error(`fixture ${kind} request failed: ${res.status}`);
  await c.t.app.get(PasswordResets).settled();
  const row = await firstRow<{ url: string }>(
    c,
    `SELECT data->>'actionUrl' AS url FROM deliveries WHERE address = $1 AND kind = $2
      ORDER BY id DESC LIMIT 1`,
    [address, kind],
  );
  return row.url.split('#token=')[1];
}

/** A user who can log in, of no persona: login and refresh do not depend on who asks. */
/** The smallest valid workflow definition: one status to start in, one to end in. */
const matrixWorkflowDefinition = (key: string) => ({
  key,
  name: { en: `Matrix workflow ${key}` },
  statuses: [
    { key: 'open', name: { en: 'Open' }, category: 'open', isInitial: true },
    { key: 'closed', name: { en: 'Closed' }, category: 'closed', isFinal: true },
  ],
  transitions: [{ from: 'open', to: 'closed', allowedRoles: ['agent'] }],
  autoTransitions: [],
});

/** An unused workflow written as a fixture (its statuses do not matter to who may change it). */
const matrixWorkflow = async (c: CellContext, key: string): Promise<string> =>
  (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO workflows (key, name) VALUES ($1, '{"en":"Matrix workflow"}') RETURNING id`,
      [key],
    )
  ).id;

const loginUser = (c: CellContext) =>
  c.t.factory.user({ role: 'client', organizationId: c.w.orgA.id });

/** A running deputyship of `principalId`, with a fresh colleague as the deputy. */
const matrixDeputyship = async (c: CellContext, principalId: string): Promise<string> => {
  const deputy = await c.t.factory.user({ role: 'agent' });
  const now = c.t.clock.now().getTime();
  return (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO deputyships (principal_id, deputy_id, starts_at, ends_at)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [principalId, deputy.id, new Date(now - 3_600_000), new Date(now + 86_400_000)],
    )
  ).id;
};

/** A (new or rotated) calendar feed of `userId`; returns its token. */
const matrixCalendarFeed = async (c: CellContext, userId: string): Promise<string> => {
  const token = randomBytes(32).toString('base64url');
  await c.t.db.query(
    `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash`,
    [userId, createHash('sha256').update(token).digest('hex')],
  );
  return token;
};

/**
 * THE MATRIX. One row per operation in openapi.json (a new endpoint without a row fails the
 * first test below). Columns, in this order everywhere:
 *
 *               anonymous  clientA  clientB  agent  departmentHead  dispatcher  admin
 *
 * Rules behind the numbers (see each row for the specific reason):
 * - anonymous: 401 on everything but the two public auth endpoints and the rating-link page.
 * - Endpoint permissions (libs/shared/contracts/src/permissions.ts, enforced by
 *   @RequirePermissions before the handler runs): a role without the permission gets 403 for
 *   every id alike, so the answer says nothing about any object.
 * - Object visibility (ticket-visibility.ts, organizationVisibility): an object the caller may
 *   not see is a 404, exactly like one that does not exist.
 * - departmentHead is an agent by role: agent permissions, plus visibility of their department.
 */
const MATRIX_HOURS = [{ start: '09:00', end: '18:00' }];

/** A fresh calendar per cell, so each cell's version 1 is current. */
const matrixSlaCalendar = async (c: CellContext): Promise<string> =>
  (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO sla_calendars (name, time_zone, week)
       VALUES ($1, 'Europe/Moscow', $2::jsonb) RETURNING id`,
      [`Matrix ${uniq()}`, JSON.stringify([MATRIX_HOURS, [], [], [], [], [], []])],
    )
  ).id;

/** A support mailbox whose sealed password is unusable (no cell ever logs in with it). */
const matrixMailbox = async (c: CellContext): Promise<string> =>
  (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO support_mailboxes (name, address, imap_host, imap_port, imap_tls, imap_user,
                                      imap_password_sealed)
       VALUES ('Matrix', $1, '127.0.0.1', 9, 'none', 'matrix', 'v1:x') RETURNING id`,
      [`matrix-${uniq()}@helpdesk.test`],
    )
  ).id;

/** A failed inbound message of a fresh mailbox. */
const matrixFailedMessage = async (
  c: CellContext,
): Promise<{ mailboxId: string; messageId: string }> => {
  const mailboxId = await matrixMailbox(c);
  const { id: messageId } = await firstRow<{ id: string }>(
    c,
    `INSERT INTO inbound_messages (mailbox_id, source, message_id, raw, received_at, status, reason)
     VALUES ($1, 'imap', $2, $3, now(), 'failed', 'matrix failure') RETURNING id`,
    [mailboxId, `matrix-${uniq()}@example.com`, Buffer.from('From: x@example.com\r\n\r\nx\r\n')],
  );
  return { mailboxId, messageId };
};

/** A fresh webhook endpoint (loopback target, unusable secret) with one pending message. */
const matrixWebhook = async (
  c: CellContext,
): Promise<{ endpointId: string; deliveryId: string }> => {
  const { id: endpointId } = await firstRow<{ id: string }>(
    c,
    `INSERT INTO webhook_endpoints (url, events, secret) VALUES ($1, '{ticket.created}', 'v1:x')
     RETURNING id`,
    [`https://localhost:9/${uniq()}`],
  );
  const { id: deliveryId } = await firstRow<{ id: string }>(
    c,
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, body, next_attempt_at, created_at)
     VALUES ($1, 0, 'ticket.created', '{}', now() + interval '1 day', now()) RETURNING id`,
    [endpointId],
  );
  return { endpointId, deliveryId };
};

/** An inactive policy: it never applies to the tickets other rows create. */
const matrixSlaPolicy = async (c: CellContext): Promise<string> =>
  (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO sla_policies (name, active, calendar_id, resolution_seconds)
       VALUES ($1, false, $2, 3600) RETURNING id`,
      [`Matrix ${uniq()}`, await matrixSlaCalendar(c)],
    )
  ).id;

const matrixNotification = async (c: CellContext, userId: string): Promise<string> =>
  (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO notifications (user_id, kind) VALUES ($1, 'sla_reminder') RETURNING id`,
      [userId],
    )
  ).id;

/** A mail held in the quarantine, from a stranger of its own; returns its row id. */
async function heldMail(c: CellContext): Promise<string> {
  const id = uniq();
  const raw = Buffer.from(
    `From: Stranger <s-${id}@stranger.test>\r\nTo: support@helpdesk.test\r\n` +
      `Subject: Held ${id}\r\nMessage-ID: <held-${id}@stranger.test>\r\n\r\nHello.\r\n`,
  );
  return (
    await firstRow<{ id: string }>(
      c,
      `INSERT INTO inbound_messages (source, message_id, raw, from_address, subject, received_at,
                                     status, reason)
       VALUES ('http', $1, $2, $3, $4, now(), 'quarantined', 'unknown sender') RETURNING id`,
      [`held-${id}@stranger.test`, raw, `s-${id}@stranger.test`, `Held ${id}`],
    )
  ).id;
}

const ROWS: MatrixRow[] = [
  // ---------------------------------------------------------------- auth
  {
    // Public: anyone, with or without a token, exchanges valid credentials for tokens.
    method: 'POST',
    path: '/api/v1/auth/login',
    async prepare(c) {
      const u = await loginUser(c);
      return {
        path: '/api/v1/auth/login',
        body: { email: u.email, password: TEST_PASSWORD },
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1', [u.id]),
      };
    },
    expect: statuses(200, 200, 200, 200, 200, 200, 200),
  },
  {
    // Public: the refresh token is the credential; an Authorization header changes nothing.
    method: 'POST',
    path: '/api/v1/auth/refresh',
    async prepare(c) {
      const u = await loginUser(c);
      const login = await c.t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: u.email, password: TEST_PASSWORD });
      if (login.status !== 200) throw new Error(`fixture login failed: ${login.status}`);
      return {
        path: '/api/v1/auth/refresh',
        body: { refreshToken: (login.body as { refreshToken: string }).refreshToken },
        probe: () =>
          firstRow(
            c,
            `SELECT count(*)::int AS n FROM refresh_tokens r JOIN auth_sessions s ON s.id = r.session_id
              WHERE s.user_id = $1 AND r.used_at IS NOT NULL`,
            [u.id],
          ),
      };
    },
    expect: statuses(200, 200, 200, 200, 200, 200, 200),
  },
  {
    // Any logged-in user ends their own session (on a session of its own, so the world's stays).
    method: 'POST',
    path: '/api/v1/auth/logout',
    caller: 'new-session',
    async prepare(c) {
      const userId = c.caller?.id ?? null;
      return {
        path: '/api/v1/auth/logout',
        probe: () =>
          firstRow(
            c,
            'SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NOT NULL',
            [userId],
          ),
      };
    },
    expect: statuses(401, 204, 204, 204, 204, 204, 204),
  },
  {
    // Everyone logged in has a profile.
    method: 'GET',
    path: '/api/v1/me',
    prepare: async () => ({ path: '/api/v1/me' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // Own name, for every role.
    method: 'PATCH',
    path: '/api/v1/me',
    caller: 'look-alike',
    async prepare(c) {
      const userId = c.caller?.id ?? null;
      return {
        path: '/api/v1/me',
        body: { name: `Renamed ${uniq()}` },
        probe: () => firstRow(c, 'SELECT name, version FROM users WHERE id = $1', [userId]),
      };
    },
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // Own password, for every role (a look-alike: it logs the user's other sessions out).
    method: 'POST',
    path: '/api/v1/me/password',
    caller: 'look-alike',
    async prepare(c) {
      const userId = c.caller?.id ?? null;
      return {
        path: '/api/v1/me/password',
        body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
        probe: () => firstRow(c, 'SELECT password_hash FROM users WHERE id = $1', [userId]),
      };
    },
    expect: statuses(401, 204, 204, 204, 204, 204, 204),
  },
  {
    // Sign out everywhere, for every role (a look-alike: it ends every session of the user).
    method: 'DELETE',
    path: '/api/v1/me/sessions',
    caller: 'look-alike',
    async prepare(c) {
      const userId = c.caller?.id ?? null;
      return {
        path: '/api/v1/me/sessions',
        probe: () =>
          firstRow(
            c,
            'SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NOT NULL',
            [userId],
          ),
      };
    },
    expect: statuses(401, 204, 204, 204, 204, 204, 204),
  },

  // ---------------------------------------------------------------- tickets
  {
    // Everyone with tickets.read lists; what each one sees is the invariant test's business.
    method: 'GET',
    path: '/api/v1/tickets',
    prepare: async () => ({ path: '/api/v1/tickets' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // tickets.create is every role's; a client files for themselves and their organization.
    method: 'POST',
    path: '/api/v1/tickets',
    async prepare(c) {
      return {
        path: '/api/v1/tickets',
        body: { subject: `Filed by the matrix ${uniq()}` },
        probe: () => rowCount(c.t, 'tickets'),
      };
    },
    expect: statuses(401, 201, 201, 201, 201, 201, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/counts',
    prepare: async () => ({ path: '/api/v1/tickets/counts' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // The target ticket by its number: visibility decides, as for the id.
    method: 'GET',
    path: '/api/v1/tickets/by-number/{number}',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/by-number/${ticket.number}` };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/${ticket.id}` };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    // Clients lack tickets.update (403 for any id, whose it is does not matter); agent and
    // departmentHead have it but cannot see the target (404).
    method: 'PATCH',
    path: '/api/v1/tickets/{id}',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return {
        path: `/api/v1/tickets/${ticket.id}`,
        body: { version: ticket.version, subject: `Edited by the matrix ${uniq()}` },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
    expect: statuses(401, 403, 403, 404, 404, 200, 200),
  },
  {
    // tickets.assign is for dispatchers and admins; clients get 403 before any lookup. Agents
    // may hand over tickets of projects they manage (tickets.hand-over), so theirs is decided on
    // the ticket: invisible here, 404 (assignment-transitions.e2e-spec has their 403 and 422).
    method: 'POST',
    path: '/api/v1/tickets/{id}/assignment',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return {
        path: `/api/v1/tickets/${ticket.id}/assignment`,
        body: { version: ticket.version, assigneeId: c.w.agent.id, groupId: c.w.group.id },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
    expect: statuses(401, 403, 403, 404, 404, 200, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/attachments',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/${ticket.id}/attachments` };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    // Whoever sees the ticket may attach a file to it, the requesting client included.
    method: 'POST',
    path: '/api/v1/tickets/{id}/attachments',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return {
        path: `/api/v1/tickets/${ticket.id}/attachments`,
        file: { name: 'photo.png', content: PNG },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
    expect: statuses(401, 201, 404, 404, 404, 201, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/comments',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/${ticket.id}/comments` };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    // A public comment: the requester and staff who see the ticket.
    method: 'POST',
    path: '/api/v1/tickets/{id}/comments',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return {
        path: `/api/v1/tickets/${ticket.id}/comments`,
        body: { body: `A word from the matrix ${uniq()}` },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
    expect: statuses(401, 201, 404, 404, 404, 201, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/history',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/${ticket.id}/history` };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    // Deliveries of the target ticket: staff who see it; clients never (404 like history's
    // invisible case), not even the requester.
    method: 'GET',
    path: '/api/v1/tickets/{id}/deliveries',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/${ticket.id}/deliveries` };
    },
    expect: statuses(401, 404, 404, 404, 404, 200, 200),
  },
  {
    // Mail received about the target ticket: the same audience as its deliveries.
    method: 'GET',
    path: '/api/v1/tickets/{id}/inbound-mail',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/${ticket.id}/inbound-mail` };
    },
    expect: statuses(401, 404, 404, 404, 404, 200, 200),
  },
  {
    // Taking needs an UNASSIGNED ticket (the target is assigned, so a take would be a 409), and
    // every agent sees unassigned tickets: agent and departmentHead succeed here. Clients lack
    // tickets.take: 403 for any id.
    method: 'POST',
    path: '/api/v1/tickets/{id}/take',
    async prepare(c) {
      const ticket = await targetTicket(c, { assigneeId: null });
      return {
        path: `/api/v1/tickets/${ticket.id}/take`,
        body: { version: ticket.version },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/transitions',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/${ticket.id}/transitions` };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    // The requester answers a resolution; dispatchers and admins may record it for them (without
    // a rating: only the requester rates). An agent who saw the ticket would get 403 (the
    // acceptance tests), but here visibility comes first.
    method: 'POST',
    path: '/api/v1/tickets/{id}/acceptance',
    async prepare(c) {
      const ticket = await targetTicket(c, { status: 'resolved' });
      const rating = c.persona.startsWith('client') ? { rating: 5 } : {};
      return {
        path: `/api/v1/tickets/${ticket.id}/acceptance`,
        body: { decision: 'accept', version: ticket.version, ...rating },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    // rating-links.create is staff's (clients 403 for any id); then visibility decides.
    method: 'POST',
    path: '/api/v1/tickets/{id}/rating-links',
    async prepare(c) {
      const ticket = await targetTicket(c, { status: 'resolved' });
      return {
        path: `/api/v1/tickets/${ticket.id}/rating-links`,
        probe: () => ticketState(c.t, ticket.id),
      };
    },
    expect: statuses(401, 403, 403, 404, 404, 201, 201),
  },
  {
    // Reopening a resolved ticket is a transition the requester may make as well as staff, so
    // the only thing between a persona and a 200 is visibility.
    method: 'POST',
    path: '/api/v1/tickets/{id}/transitions',
    async prepare(c) {
      const ticket = await targetTicket(c, { status: 'resolved' });
      return {
        path: `/api/v1/tickets/${ticket.id}/transitions`,
        body: { to: 'open', version: ticket.version },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    // Links are read by whoever sees the ticket (filtered to linked tickets they see too).
    method: 'GET',
    path: '/api/v1/tickets/{id}/links',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/${ticket.id}/links` };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    // Linking is a staff edit (tickets.update): clients 403 for any id; staff need to see both.
    method: 'POST',
    path: '/api/v1/tickets/{id}/links',
    async prepare(c) {
      const ticket = await targetTicket(c);
      const other = await targetTicket(c);
      return {
        path: `/api/v1/tickets/${ticket.id}/links`,
        body: { relation: 'related', ticketId: other.id },
        probe: () => rowCount(c.t, 'ticket_links'),
      };
    },
    expect: statuses(401, 403, 403, 404, 404, 201, 201),
  },
  {
    method: 'DELETE',
    path: '/api/v1/tickets/{id}/links/{linkId}',
    async prepare(c) {
      const ticket = await targetTicket(c);
      const other = await targetTicket(c);
      const link = await firstRow<{ id: string }>(
        c,
        `INSERT INTO ticket_links (ticket_id, linked_ticket_id, kind) VALUES ($1, $2, 'related') RETURNING id`,
        [ticket.id, other.id],
      );
      return {
        path: `/api/v1/tickets/${ticket.id}/links/${link.id}`,
        probe: () => rowCount(c.t, 'ticket_links'),
      };
    },
    expect: statuses(401, 403, 403, 404, 404, 204, 204),
  },
  // ---------------------------------------------------------------- ticket watchers
  {
    // Whoever sees the ticket reads its watchers (clients only their organization's).
    method: 'GET',
    path: '/api/v1/tickets/{id}/watchers',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/${ticket.id}/watchers` };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    // Whom one may add: staff who see the ticket; the requester client without organization
    // view may not add colleagues (403), and nobody learns of an invisible ticket (404).
    method: 'GET',
    path: '/api/v1/tickets/{id}/watchers/candidates',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return { path: `/api/v1/tickets/${ticket.id}/watchers/candidates` };
    },
    expect: statuses(401, 403, 404, 404, 404, 200, 200),
  },
  {
    // Each caller watches the ticket themselves: anyone who sees it may.
    method: 'POST',
    path: '/api/v1/tickets/{id}/watchers',
    async prepare(c) {
      const ticket = await targetTicket(c);
      return {
        path: `/api/v1/tickets/${ticket.id}/watchers`,
        body: { userId: c.caller?.id ?? c.w.clientA.id },
        probe: () => rowCount(c.t, 'ticket_watchers'),
      };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    // Each caller stops watching: anyone who sees the ticket may remove themselves.
    method: 'DELETE',
    path: '/api/v1/tickets/{id}/watchers/{userId}',
    async prepare(c) {
      const ticket = await targetTicket(c);
      const userId = c.caller?.id ?? c.w.clientA.id;
      await c.t.db.query('INSERT INTO ticket_watchers (ticket_id, user_id) VALUES ($1, $2)', [
        ticket.id,
        userId,
      ]);
      return {
        path: `/api/v1/tickets/${ticket.id}/watchers/${userId}`,
        probe: () => rowCount(c.t, 'ticket_watchers'),
      };
    },
    expect: statuses(401, 204, 404, 404, 404, 204, 204),
  },
  {
    // Reference data; clients get the public types only, but get them.
    method: 'GET',
    path: '/api/v1/ticket-types',
    prepare: async () => ({ path: '/api/v1/ticket-types' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // A public type: everyone reads it (clients only its client-visible fields).
    method: 'GET',
    path: '/api/v1/ticket-types/{id}',
    async prepare(c) {
      const tt = await firstRow<{ id: string }>(
        c,
        `SELECT id FROM ticket_types WHERE key = 'microclimate'`,
      );
      return { path: `/api/v1/ticket-types/${tt.id}` };
    },
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // ticket-types.manage: admins only.
    method: 'POST',
    path: '/api/v1/ticket-types',
    async prepare(c) {
      const wf = await firstRow<{ id: string }>(c, `SELECT id FROM workflows WHERE key = 'okdesk'`);
      return {
        path: '/api/v1/ticket-types',
        body: { key: `matrix_${uniq()}`, name: { en: 'Matrix type' }, workflowId: wf.id },
        probe: () => rowCount(c.t, 'ticket_types'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'PATCH',
    path: '/api/v1/ticket-types/{id}',
    async prepare(c) {
      const tt = await matrixTicketType(c);
      return {
        path: `/api/v1/ticket-types/${tt}`,
        body: { version: 1, name: { en: `Renamed ${uniq()}` } },
        probe: () => rowState(c.t, 'ticket_types', tt),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/ticket-types/{id}/fields',
    async prepare(c) {
      const tt = await matrixTicketType(c);
      return {
        path: `/api/v1/ticket-types/${tt}/fields`,
        body: { key: `f_${uniq()}`, name: { en: 'Matrix field' }, kind: 'text' },
        probe: () => rowCount(c.t, 'ticket_type_fields'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'PATCH',
    path: '/api/v1/ticket-types/{id}/fields/{fieldId}',
    async prepare(c) {
      const { typeId, fieldId } = await matrixField(c);
      return {
        path: `/api/v1/ticket-types/${typeId}/fields/${fieldId}`,
        body: { version: 1, required: true },
        probe: () => rowState(c.t, 'ticket_type_fields', fieldId),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    // Deactivates; the probe reads the flag.
    method: 'DELETE',
    path: '/api/v1/ticket-types/{id}/fields/{fieldId}',
    async prepare(c) {
      const { typeId, fieldId } = await matrixField(c);
      return {
        path: `/api/v1/ticket-types/${typeId}/fields/${fieldId}`,
        probe: () =>
          firstRow(c, 'SELECT active, version FROM ticket_type_fields WHERE id = $1', [fieldId]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 204),
  },

  // ---------------------------------------------------------------- categories
  {
    // Reference data; clients get the public active categories only, but get them.
    method: 'GET',
    path: '/api/v1/categories',
    prepare: async () => ({ path: '/api/v1/categories' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // categories.manage: dispatcher and admin.
    method: 'POST',
    path: '/api/v1/categories',
    async prepare(c) {
      return {
        path: '/api/v1/categories',
        body: { name: { en: `Matrix category ${uniq()}` } },
        probe: () => rowCount(c.t, 'categories'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 201, 201),
  },
  {
    method: 'PATCH',
    path: '/api/v1/categories/{id}',
    async prepare(c) {
      const cat = await firstRow<{ id: string }>(
        c,
        `INSERT INTO categories (name) VALUES ('{"en":"Matrix category"}') RETURNING id`,
      );
      return {
        path: `/api/v1/categories/${cat.id}`,
        body: { version: 1, position: 3 },
        probe: () => rowState(c.t, 'categories', cat.id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 200, 200),
  },

  // ---------------------------------------------------------------- reports
  {
    // reports.view: dispatchers and admins.
    method: 'GET',
    path: '/api/v1/reports/satisfaction',
    prepare: async () => ({ path: '/api/v1/reports/satisfaction' }),
    expect: statuses(401, 403, 403, 403, 403, 200, 200),
  },
  {
    // reports.view: dispatchers and admins.
    method: 'GET',
    path: '/api/v1/reports/support-levels',
    prepare: async () => ({ path: '/api/v1/reports/support-levels' }),
    expect: statuses(401, 403, 403, 403, 403, 200, 200),
  },
  {
    // reports.view: dispatchers and admins.
    method: 'GET',
    path: '/api/v1/reports/kb-deflections',
    prepare: async () => ({ path: '/api/v1/reports/kb-deflections' }),
    expect: statuses(401, 403, 403, 403, 403, 200, 200),
  },

  // ---------------------------------------------------------------- assignment
  {
    // tickets.escalate is staff's; clients 403 before any lookup. The target ticket is invisible
    // to agent and departmentHead (404). A fresh L1 group per cell gives the level-less target
    // somewhere to go.
    method: 'POST',
    path: '/api/v1/tickets/{id}/escalation',
    async prepare(c) {
      const ticket = await targetTicket(c);
      const group = await c.t.factory.group(`Matrix L1 ${uniq()}`);
      await c.t.db.query('UPDATE groups SET support_level = 1 WHERE id = $1', [group.id]);
      return {
        path: `/api/v1/tickets/${ticket.id}/escalation`,
        body: { version: ticket.version, reason: 'Matrix escalation' },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
    expect: statuses(401, 403, 403, 404, 404, 200, 200),
  },
  {
    // assignment-rules.manage: admin only, reads included.
    method: 'GET',
    path: '/api/v1/assignment-rules',
    prepare: async () => ({ path: '/api/v1/assignment-rules' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/assignment-rules',
    prepare: async (c) => ({
      path: '/api/v1/assignment-rules',
      body: matrixRuleBody(),
      probe: () => rowCount(c.t, 'assignment_rules'),
    }),
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/assignment-rules/{id}',
    prepare: async (c) => ({ path: `/api/v1/assignment-rules/${await matrixRule(c)}` }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'PATCH',
    path: '/api/v1/assignment-rules/{id}',
    async prepare(c) {
      const id = await matrixRule(c);
      return {
        path: `/api/v1/assignment-rules/${id}`,
        body: { version: 1, name: `Renamed rule ${uniq()}` },
        probe: () => rowState(c.t, 'assignment_rules', id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/assignment-rules/{id}',
    async prepare(c) {
      const id = await matrixRule(c);
      return {
        path: `/api/v1/assignment-rules/${id}`,
        probe: () => rowCount(c.t, 'assignment_rules'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 204),
  },

  // ---------------------------------------------------------------- public rating links
  // In the matrix rather than left out like health and docs: the token in the path is the
  // credential, and these rows pin down that a Bearer token neither is needed nor changes the
  // answer (each cell gets a fresh link of the target ticket's requester).
  {
    method: 'GET',
    path: '/api/v1/public/ratings/{token}',
    async prepare(c) {
      const links = c.t.app.get(RatingLinkService);
      const ticket = await targetTicket(c, { status: 'resolved' });
      return { path: links.path(links.create(ticket.id, c.w.clientA.id, links.defaultExpiry())) };
    },
    expect: statuses(200, 200, 200, 200, 200, 200, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/public/ratings/{token}',
    async prepare(c) {
      const links = c.t.app.get(RatingLinkService);
      const ticket = await targetTicket(c, { status: 'resolved' });
      return {
        path: links.path(links.create(ticket.id, c.w.clientA.id, links.defaultExpiry())),
        body: { rating: 4 },
        probe: () => ratingCount(c, ticket.id),
      };
    },
    expect: statuses(201, 201, 201, 201, 201, 201, 201),
  },

  // ---------------------------------------------------------------- attachments
  {
    // A public file on the target ticket: visible exactly where the ticket is.
    method: 'GET',
    path: '/api/v1/attachments/{id}',
    async prepare(c) {
      return { path: `/api/v1/attachments/${await attachmentOnTarget(c)}` };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/attachments/{id}/content',
    async prepare(c) {
      return { path: `/api/v1/attachments/${await attachmentOnTarget(c)}/content` };
    },
    expect: statuses(401, 200, 404, 404, 404, 200, 200),
  },

  // ---------------------------------------------------------------- workflows
  {
    // Staff reference data; clients read status names and their transitions from their tickets.
    method: 'GET',
    path: '/api/v1/workflows',
    prepare: async () => ({ path: '/api/v1/workflows' }),
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/workflows/{id}',
    async prepare(c) {
      const wf = await firstRow<{ id: string }>(c, `SELECT id FROM workflows WHERE key = 'okdesk'`);
      return { path: `/api/v1/workflows/${wf.id}` };
    },
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    // workflows.manage: admin only, the presets list included (it serves the installer).
    method: 'GET',
    path: '/api/v1/workflows/presets',
    prepare: async () => ({ path: '/api/v1/workflows/presets' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/workflows/presets/{key}/install',
    async prepare(c) {
      return {
        path: '/api/v1/workflows/presets/happydesk/install',
        body: { key: `matrix_${uniq()}` },
        probe: () => rowCount(c.t, 'workflows'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'POST',
    path: '/api/v1/workflows',
    async prepare(c) {
      return {
        path: '/api/v1/workflows',
        body: matrixWorkflowDefinition(`matrix_${uniq()}`),
        probe: () => rowCount(c.t, 'workflows'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    // A fresh workflow per cell, so each cell's version 1 is current.
    method: 'PUT',
    path: '/api/v1/workflows/{id}',
    async prepare(c) {
      const key = `matrix_${uniq()}`;
      const id = await matrixWorkflow(c, key);
      return {
        path: `/api/v1/workflows/${id}`,
        body: { ...matrixWorkflowDefinition(key), version: 1 },
        probe: () => rowState(c.t, 'workflows', id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    // An unused workflow per cell: only use, never the role, would otherwise refuse it.
    method: 'DELETE',
    path: '/api/v1/workflows/{id}',
    async prepare(c) {
      const id = await matrixWorkflow(c, `matrix_${uniq()}`);
      return { path: `/api/v1/workflows/${id}`, probe: () => rowCount(c.t, 'workflows') };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 204),
  },

  // ---------------------------------------------------------------- organizations
  {
    // Everyone lists; a client's list holds their own organization only.
    method: 'GET',
    path: '/api/v1/organizations',
    prepare: async () => ({ path: '/api/v1/organizations' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // organizations.manage: dispatcher and admin.
    method: 'POST',
    path: '/api/v1/organizations',
    async prepare(c) {
      return {
        path: '/api/v1/organizations',
        body: { name: `Matrix Ltd ${uniq()}` },
        probe: () => rowCount(c.t, 'organizations'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 201, 201),
  },
  {
    // Org A: its own contact sees it; clientB, of org B, gets 404 as for a missing one; staff
    // have directory.read and see every organization.
    method: 'GET',
    path: '/api/v1/organizations/{id}',
    prepare: async (c) => ({ path: `/api/v1/organizations/${c.w.orgA.id}` }),
    expect: statuses(401, 200, 404, 200, 200, 200, 200),
  },
  {
    // organizations.manage: a fresh organization per cell; clients lack the permission (403
    // for any id, their own organization's included).
    method: 'PATCH',
    path: '/api/v1/organizations/{id}',
    async prepare(c) {
      const org = await c.t.factory.organization(`Matrix org ${uniq()}`);
      return {
        path: `/api/v1/organizations/${org.id}`,
        body: { version: 1, name: `Renamed org ${uniq()}` },
        probe: () => rowState(c.t, 'organizations', org.id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 200, 200),
  },

  // ---------------------------------------------------------------- projects
  {
    // directory.read: staff only.
    method: 'GET',
    path: '/api/v1/projects',
    prepare: async () => ({ path: '/api/v1/projects' }),
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    // projects.manage: dispatcher and admin.
    method: 'POST',
    path: '/api/v1/projects',
    async prepare(c) {
      return {
        path: '/api/v1/projects',
        body: { name: `Matrix project ${uniq()}`, managerId: c.w.agent.id },
        probe: () => rowCount(c.t, 'projects'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 201, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/projects/{id}',
    async prepare(c) {
      return { path: `/api/v1/projects/${await matrixProject(c)}` };
    },
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    method: 'PATCH',
    path: '/api/v1/projects/{id}',
    async prepare(c) {
      const id = await matrixProject(c);
      return {
        path: `/api/v1/projects/${id}`,
        body: { version: 1, name: `Renamed project ${uniq()}` },
        probe: () => rowState(c.t, 'projects', id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 200, 200),
  },
  {
    // The notification list: read by staff (directory.read).
    method: 'GET',
    path: '/api/v1/projects/{id}/watchers',
    async prepare(c) {
      return { path: `/api/v1/projects/${await matrixProject(c)}/watchers` };
    },
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    // Edited by projects.manage (dispatcher, admin) and the project's manager (agent here).
    method: 'PUT',
    path: '/api/v1/projects/{id}/watchers',
    async prepare(c) {
      const id = await matrixProject(c);
      return {
        path: `/api/v1/projects/${id}/watchers`,
        body: { userIds: [c.w.clientA.id] },
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM project_watchers WHERE project_id = $1', [
            id,
          ]),
      };
    },
    expect: statuses(401, 403, 403, 200, 403, 200, 200),
  },

  // ---------------------------------------------------------------- departments
  {
    // directory.read: staff only.
    method: 'GET',
    path: '/api/v1/departments',
    prepare: async () => ({ path: '/api/v1/departments' }),
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    // departments.manage: admin only (a dispatcher manages organizations and contacts, not staff).
    method: 'POST',
    path: '/api/v1/departments',
    async prepare(c) {
      return {
        path: '/api/v1/departments',
        body: { name: `Matrix department ${uniq()}` },
        probe: () => rowCount(c.t, 'departments'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/departments/{id}',
    prepare: async (c) => ({ path: `/api/v1/departments/${c.w.department.id}` }),
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    // Heading a department does not make its head an editor of it: admin only.
    method: 'PATCH',
    path: '/api/v1/departments/{id}',
    async prepare(c) {
      const dept = await c.t.factory.department(`Matrix department ${uniq()}`);
      return {
        path: `/api/v1/departments/${dept.id}`,
        body: { version: 1, name: `Renamed department ${uniq()}` },
        probe: () => rowState(c.t, 'departments', dept.id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },

  // ---------------------------------------------------------------- groups
  {
    method: 'GET',
    path: '/api/v1/groups',
    prepare: async () => ({ path: '/api/v1/groups' }),
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    // groups.manage: admin only.
    method: 'POST',
    path: '/api/v1/groups',
    async prepare(c) {
      return {
        path: '/api/v1/groups',
        body: { name: `Matrix group ${uniq()}` },
        probe: () => rowCount(c.t, 'groups'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/groups/{id}',
    prepare: async (c) => ({ path: `/api/v1/groups/${c.w.group.id}` }),
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    method: 'PATCH',
    path: '/api/v1/groups/{id}',
    async prepare(c) {
      const group = await c.t.factory.group(`Matrix group ${uniq()}`);
      return {
        path: `/api/v1/groups/${group.id}`,
        body: { version: 1, name: `Renamed group ${uniq()}` },
        probe: () => rowState(c.t, 'groups', group.id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },

  // ---------------------------------------------------------------- users
  {
    // directory.read: staff only; a client reads their own account at /me.
    method: 'GET',
    path: '/api/v1/users',
    prepare: async () => ({ path: '/api/v1/users' }),
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    // A new contact of org A: client-users.manage lets the dispatcher create it (it covers client
    // users only; a staff body would be 403 for a dispatcher, see the directory tests).
    method: 'POST',
    path: '/api/v1/users',
    async prepare(c) {
      return {
        path: '/api/v1/users',
        body: {
          email: `matrix-${uniq()}@example.test`,
          name: 'Matrix contact',
          role: 'client',
          organizationId: c.w.orgA.id,
        },
        probe: () => rowCount(c.t, 'users'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 201, 201),
  },
  {
    // clientA2, a colleague of clientA: a client does not browse the directory even for their
    // own organization (403, for every id alike).
    method: 'GET',
    path: '/api/v1/users/{id}',
    prepare: async (c) => ({ path: `/api/v1/users/${c.w.clientA2.id}` }),
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    // A fresh STAFF user: the dispatcher has client-users.manage but may manage client users
    // only, so 403 from the service; admin (users.manage) edits anyone.
    method: 'PATCH',
    path: '/api/v1/users/{id}',
    async prepare(c) {
      const u = await c.t.factory.user({ role: 'agent' });
      return {
        path: `/api/v1/users/${u.id}`,
        body: { version: 1, name: `Renamed agent ${uniq()}` },
        probe: () => rowState(c.t, 'users', u.id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  // ------------------------------------------------------- canned responses (staff only)
  // Each cell gets a fresh global template (every staff member sees it; only admins keep it);
  // to a client any template, and any ticket's picker, is a 404.
  {
    method: 'GET',
    path: '/api/v1/canned-responses',
    prepare: async () => ({ path: '/api/v1/canned-responses' }),
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/canned-responses',
    prepare: async (c) => {
      const title = `Matrix canned ${uniq()}`;
      return {
        path: '/api/v1/canned-responses',
        body: { title, body: 'Hello {{requester.name}}', scope: 'personal', language: 'en' },
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM canned_responses WHERE title = $1', [title]),
      };
    },
    expect: statuses(401, 403, 403, 201, 201, 201, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/canned-responses/{id}',
    prepare: async (c) => ({ path: `/api/v1/canned-responses/${await matrixCanned(c)}` }),
    expect: statuses(401, 404, 404, 200, 200, 200, 200),
  },
  {
    method: 'PATCH',
    path: '/api/v1/canned-responses/{id}',
    async prepare(c) {
      const id = await matrixCanned(c);
      return {
        path: `/api/v1/canned-responses/${id}`,
        body: { version: 1, title: `Renamed ${uniq()}` },
        probe: () => firstRow(c, 'SELECT title FROM canned_responses WHERE id = $1', [id]),
      };
    },
    expect: statuses(401, 404, 404, 403, 403, 403, 200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/canned-responses/{id}',
    async prepare(c) {
      const id = await matrixCanned(c);
      return {
        path: `/api/v1/canned-responses/${id}`,
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM canned_responses WHERE id = $1', [id]),
      };
    },
    expect: statuses(401, 404, 404, 403, 403, 403, 204),
  },
  {
    // The target ticket: clientA sees it, yet has no picker on it; agent and head do not see it.
    method: 'GET',
    path: '/api/v1/tickets/{id}/canned-responses',
    prepare: async (c) => ({
      path: `/api/v1/tickets/${(await targetTicket(c)).id}/canned-responses`,
    }),
    expect: statuses(401, 404, 404, 404, 404, 200, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/canned-responses/{cannedId}/render',
    async prepare(c) {
      const ticket = await targetTicket(c);
      const id = await matrixCanned(c);
      return {
        path: `/api/v1/tickets/${ticket.id}/canned-responses/${id}/render`,
        probe: () => firstRow(c, 'SELECT usage_count FROM canned_responses WHERE id = $1', [id]),
      };
    },
    expect: statuses(401, 404, 404, 404, 404, 200, 200),
  },
  // ---------------------------------------------------------------- deputies (staff only)
  {
    // deputies.own: every staff role lists their own; clients have no deputies (403).
    method: 'GET',
    path: '/api/v1/me/deputies',
    prepare: async () => ({ path: '/api/v1/me/deputies' }),
    expect: statuses(401, 403, 403, 200, 200, 200, 200),
  },
  {
    // Each cell names a fresh colleague as the caller's deputy for a day.
    method: 'POST',
    path: '/api/v1/me/deputies',
    async prepare(c) {
      const deputy = await c.t.factory.user({ role: 'agent' });
      const now = c.t.clock.now().getTime();
      return {
        path: '/api/v1/me/deputies',
        body: {
          deputyId: deputy.id,
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + 86_400_000).toISOString(),
        },
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM deputyships WHERE deputy_id = $1', [
            deputy.id,
          ]),
      };
    },
    expect: statuses(401, 403, 403, 201, 201, 201, 201),
  },
  {
    // The caller's own running deputyship (a staff look-alike's for clients, who get 403 first).
    method: 'DELETE',
    path: '/api/v1/me/deputies/{id}',
    async prepare(c) {
      const principalId =
        c.caller && !c.persona.startsWith('client') ? c.caller.id : c.w.otherAgent.id;
      const id = await matrixDeputyship(c, principalId);
      return {
        path: `/api/v1/me/deputies/${id}`,
        probe: () => firstRow(c, 'SELECT ends_at::text FROM deputyships WHERE id = $1', [id]),
      };
    },
    expect: statuses(401, 403, 403, 204, 204, 204, 204),
  },
  {
    // deputies.manage: admins only, for anyone.
    method: 'GET',
    path: '/api/v1/users/{id}/deputies',
    prepare: async (c) => ({ path: `/api/v1/users/${c.w.otherAgent.id}/deputies` }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/users/{id}/deputies',
    async prepare(c) {
      const principal = await c.t.factory.user({ role: 'agent' });
      const now = c.t.clock.now().getTime();
      return {
        path: `/api/v1/users/${principal.id}/deputies`,
        body: {
          deputyId: c.w.otherAgent.id,
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + 86_400_000).toISOString(),
        },
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM deputyships WHERE principal_id = $1', [
            principal.id,
          ]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'DELETE',
    path: '/api/v1/users/{id}/deputies/{deputyshipId}',
    async prepare(c) {
      const principal = await c.t.factory.user({ role: 'agent' });
      const id = await matrixDeputyship(c, principal.id);
      return {
        path: `/api/v1/users/${principal.id}/deputies/${id}`,
        probe: () => firstRow(c, 'SELECT ends_at::text FROM deputyships WHERE id = $1', [id]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 204),
  },

  // ---------------------------------------------------------------- calendar feed
  {
    // Every logged-in user may have a feed of their own tickets.
    method: 'GET',
    path: '/api/v1/me/calendar-feed',
    prepare: async () => ({ path: '/api/v1/me/calendar-feed' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/me/calendar-feed',
    async prepare(c) {
      const userId = c.caller?.id ?? null;
      return {
        path: '/api/v1/me/calendar-feed',
        probe: () =>
          firstRow(c, 'SELECT token_hash FROM calendar_feeds WHERE user_id = $1', [userId]),
      };
    },
    expect: statuses(401, 201, 201, 201, 201, 201, 201),
  },
  {
    method: 'DELETE',
    path: '/api/v1/me/calendar-feed',
    async prepare(c) {
      const userId = c.caller?.id ?? c.w.agent.id;
      await matrixCalendarFeed(c, userId);
      return {
        path: '/api/v1/me/calendar-feed',
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM calendar_feeds WHERE user_id = $1', [userId]),
      };
    },
    expect: statuses(401, 204, 204, 204, 204, 204, 204),
  },
  {
    // Public: the token in the path is the credential (calendar apps send no Bearer header), and
    // a Bearer token neither is needed nor changes the answer: clientA's feed for every cell.
    method: 'GET',
    path: '/api/v1/calendar-feeds/{token}.ics',
    async prepare(c) {
      const token = await matrixCalendarFeed(c, c.w.clientA.id);
      return { path: `/api/v1/calendar-feeds/${token}.ics` };
    },
    expect: statuses(200, 200, 200, 200, 200, 200, 200),
  },
  // ---------------------------------------------------------------- SLA (sla.manage: admin only)
  {
    method: 'GET',
    path: '/api/v1/sla/calendars',
    prepare: async () => ({ path: '/api/v1/sla/calendars' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/sla/calendars/{id}',
    async prepare(c) {
      return { path: `/api/v1/sla/calendars/${await matrixSlaCalendar(c)}` };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/sla/calendars',
    async prepare(c) {
      return {
        path: '/api/v1/sla/calendars',
        body: { name: `Matrix ${uniq()}`, timeZone: 'Europe/Moscow', week: { mon: MATRIX_HOURS } },
        probe: () => rowCount(c.t, 'sla_calendars'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'PATCH',
    path: '/api/v1/sla/calendars/{id}',
    async prepare(c) {
      const id = await matrixSlaCalendar(c);
      return {
        path: `/api/v1/sla/calendars/${id}`,
        body: { version: 1, name: `Renamed ${uniq()}` },
        probe: () => rowState(c.t, 'sla_calendars', id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/sla/policies',
    prepare: async () => ({ path: '/api/v1/sla/policies' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/sla/policies/{id}',
    async prepare(c) {
      return { path: `/api/v1/sla/policies/${await matrixSlaPolicy(c)}` };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    // Inactive, so the policy never applies to the tickets other rows create.
    method: 'POST',
    path: '/api/v1/sla/policies',
    async prepare(c) {
      return {
        path: '/api/v1/sla/policies',
        body: {
          name: `Matrix ${uniq()}`,
          active: false,
          calendarId: await matrixSlaCalendar(c),
          resolutionSeconds: 3600,
        },
        probe: () => rowCount(c.t, 'sla_policies'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'PATCH',
    path: '/api/v1/sla/policies/{id}',
    async prepare(c) {
      const id = await matrixSlaPolicy(c);
      return {
        path: `/api/v1/sla/policies/${id}`,
        body: { version: 1, name: `Renamed ${uniq()}` },
        probe: () => rowState(c.t, 'sla_policies', id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  // ---------------------------------------------------------------- notifications (own only)
  {
    method: 'GET',
    path: '/api/v1/me/notifications',
    prepare: async () => ({ path: '/api/v1/me/notifications' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/me/notifications/unread-count',
    prepare: async () => ({ path: '/api/v1/me/notifications/unread-count' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // Everyone's own projects (a client's are what they may file against).
    method: 'GET',
    path: '/api/v1/me/projects',
    prepare: async () => ({ path: '/api/v1/me/projects' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // Each caller marks a fresh notification of their own.
    method: 'POST',
    path: '/api/v1/me/notifications/{id}/read',
    async prepare(c) {
      const userId = c.caller?.id ?? c.w.admin.id;
      const id = await matrixNotification(c, userId);
      return {
        path: `/api/v1/me/notifications/${id}/read`,
        probe: () => firstRow(c, 'SELECT read_at FROM notifications WHERE id = $1', [id]),
      };
    },
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/me/notifications/read-all',
    async prepare(c) {
      const userId = c.caller?.id ?? c.w.admin.id;
      await matrixNotification(c, userId);
      return {
        path: '/api/v1/me/notifications/read-all',
        probe: () =>
          firstRow(
            c,
            'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
            [userId],
          ),
      };
    },
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // Everyone signed in has a live stream of their own (what it carries: live-events.e2e-spec).
    method: 'GET',
    path: '/api/v1/me/events',
    prepare: async () => ({ path: '/api/v1/me/events' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  // ---------------------------------------------------------------- notification preferences
  {
    method: 'GET',
    path: '/api/v1/me/notification-preferences',
    prepare: async () => ({ path: '/api/v1/me/notification-preferences' }),
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // Each caller changes a cell of their own (a kind every role hears of).
    method: 'PUT',
    path: '/api/v1/me/notification-preferences',
    async prepare(c) {
      const userId = c.caller?.id ?? c.w.admin.id;
      await c.t.db.query('DELETE FROM notification_preferences WHERE user_id = $1', [userId]);
      return {
        path: '/api/v1/me/notification-preferences',
        body: { cells: [{ kind: 'status_changed', channel: 'in_app', enabled: false }] },
        probe: () =>
          firstRow(
            c,
            'SELECT count(*)::int AS n FROM notification_preferences WHERE user_id = $1',
            [userId],
          ),
      };
    },
    expect: statuses(401, 200, 200, 200, 200, 200, 200),
  },
  {
    // mail.manage: admin only.
    method: 'GET',
    path: '/api/v1/admin/mail',
    prepare: async () => ({ path: '/api/v1/admin/mail' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/deliveries',
    prepare: async () => ({ path: '/api/v1/admin/deliveries?status=failed' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  // mail-quarantine.manage: admins and dispatchers; each cell holds a mail of its own.
  {
    method: 'GET',
    path: '/api/v1/admin/mail-quarantine',
    prepare: async () => ({ path: '/api/v1/admin/mail-quarantine' }),
    expect: statuses(401, 403, 403, 403, 403, 200, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/mail-quarantine/{id}',
    prepare: async (c) => ({ path: `/api/v1/admin/mail-quarantine/${await heldMail(c)}` }),
    expect: statuses(401, 403, 403, 403, 403, 200, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/mail-quarantine/{id}/raw',
    prepare: async (c) => ({ path: `/api/v1/admin/mail-quarantine/${await heldMail(c)}/raw` }),
    expect: statuses(401, 403, 403, 403, 403, 200, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/mail-quarantine/{id}/accept',
    async prepare(c) {
      const id = await heldMail(c);
      return {
        path: `/api/v1/admin/mail-quarantine/${id}/accept`,
        body: { organizationId: c.w.orgA.id },
        probe: () => firstRow(c, 'SELECT status FROM inbound_messages WHERE id = $1', [id]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 200, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/mail-quarantine/{id}/discard',
    async prepare(c) {
      const id = await heldMail(c);
      return {
        path: `/api/v1/admin/mail-quarantine/${id}/discard`,
        probe: () => firstRow(c, 'SELECT status FROM inbound_messages WHERE id = $1', [id]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 204, 204),
  },
  {
    // notification-defaults.manage: admin only.
    method: 'GET',
    path: '/api/v1/admin/notification-defaults',
    prepare: async () => ({ path: '/api/v1/admin/notification-defaults' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    // Each cell flips the default it reads, so a write always changes it.
    method: 'PUT',
    path: '/api/v1/admin/notification-defaults',
    async prepare(c) {
      const read = () =>
        firstRow<{ enabled: boolean }>(
          c,
          `SELECT enabled FROM notification_defaults WHERE kind = 'ticket_reopened' AND channel = 'sms'`,
        );
      const { enabled } = await read();
      return {
        path: '/api/v1/admin/notification-defaults',
        body: { cells: [{ kind: 'ticket_reopened', channel: 'sms', enabled: !enabled }] },
        probe: read,
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  // ------------------------------------------------ webhooks (webhooks.manage: admin only)
  {
    method: 'GET',
    path: '/api/v1/admin/webhooks',
    prepare: async () => ({ path: '/api/v1/admin/webhooks' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/webhooks',
    async prepare(c) {
      return {
        path: '/api/v1/admin/webhooks',
        body: { url: `https://hooks.example.com/${uniq()}`, events: ['ticket.created'] },
        probe: () => rowCount(c.t, 'webhook_endpoints'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/webhooks/{id}',
    async prepare(c) {
      return { path: `/api/v1/admin/webhooks/${(await matrixWebhook(c)).endpointId}` };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'PATCH',
    path: '/api/v1/admin/webhooks/{id}',
    async prepare(c) {
      const { endpointId } = await matrixWebhook(c);
      return {
        path: `/api/v1/admin/webhooks/${endpointId}`,
        body: { version: 1, description: `Renamed ${uniq()}` },
        probe: () => rowState(c.t, 'webhook_endpoints', endpointId),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/webhooks/{id}',
    async prepare(c) {
      return {
        path: `/api/v1/admin/webhooks/${(await matrixWebhook(c)).endpointId}`,
        probe: () => rowCount(c.t, 'webhook_endpoints'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 204),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/webhooks/{id}/secret-rotations',
    async prepare(c) {
      const { endpointId } = await matrixWebhook(c);
      return {
        path: `/api/v1/admin/webhooks/${endpointId}/secret-rotations`,
        probe: () => rowState(c.t, 'webhook_endpoints', endpointId),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/webhooks/{id}/deliveries',
    async prepare(c) {
      return { path: `/api/v1/admin/webhooks/${(await matrixWebhook(c)).endpointId}/deliveries` };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/attempts',
    async prepare(c) {
      const { endpointId, deliveryId } = await matrixWebhook(c);
      return { path: `/api/v1/admin/webhooks/${endpointId}/deliveries/${deliveryId}/attempts` };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    // The target is loopback, so the admin's attempt is refused by the SSRF guard and logged.
    method: 'POST',
    path: '/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliveries',
    async prepare(c) {
      const { endpointId, deliveryId } = await matrixWebhook(c);
      return {
        path: `/api/v1/admin/webhooks/${endpointId}/deliveries/${deliveryId}/redeliveries`,
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM webhook_attempts WHERE delivery_id = $1', [
            deliveryId,
          ]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  // One-click unsubscribe: the token in the path is the credential; a Bearer token changes
  // nothing (each cell unsubscribes a fresh user).
  {
    method: 'GET',
    path: '/api/v1/unsubscribe/{token}',
    async prepare(c) {
      const u = await c.t.factory.user({ role: 'client', organizationId: c.w.orgA.id });
      const token = c.t.app.get(UnsubscribeTokens).create({ userId: u.id, kind: 'status_changed' });
      return { path: `/api/v1/unsubscribe/${token}` };
    },
    expect: statuses(200, 200, 200, 200, 200, 200, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/unsubscribe/{token}',
    async prepare(c) {
      const u = await c.t.factory.user({ role: 'client', organizationId: c.w.orgA.id });
      const token = c.t.app.get(UnsubscribeTokens).create({ userId: u.id, kind: 'status_changed' });
      return {
        path: `/api/v1/unsubscribe/${token}`,
        probe: () =>
          firstRow(
            c,
            'SELECT count(*)::int AS n FROM notification_preferences WHERE user_id = $1',
            [u.id],
          ),
      };
    },
    expect: statuses(200, 200, 200, 200, 200, 200, 200),
  },
  // ---------------------------------------------------------------- public web form
  // Public: no sign-in, and a Bearer token changes nothing. The settings are admin only.
  {
    method: 'GET',
    path: '/api/v1/web-form',
    prepare: async () => ({ path: '/api/v1/web-form' }),
    expect: statuses(200, 200, 200, 200, 200, 200, 200),
  },
  {
    // Each cell sends a fresh address (an unknown sender: a confirmation is mailed).
    method: 'POST',
    path: '/api/v1/web-form/submissions',
    async prepare(c) {
      await c.t.db.query(
        `UPDATE web_form_settings SET enabled = true, min_fill_seconds = 0,
                max_per_ip_per_hour = 100000, max_per_address_per_hour = 100000`,
      );
      const form = await c.t.http().get('/api/v1/web-form');
      const email = `matrix-form-${uniq()}@example.test`;
      return {
        path: '/api/v1/web-form/submissions',
        body: {
          email,
          name: 'Form sender',
          subject: 'From the form',
          description: 'A question',
          formToken: form.body.formToken as string,
        },
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM web_form_submissions WHERE email = $1', [
            email,
          ]),
      };
    },
    expect: statuses(202, 202, 202, 202, 202, 202, 202),
  },
  {
    // The mailed token is the credential: each cell confirms a fresh pending request.
    method: 'POST',
    path: '/api/v1/web-form/confirm/{token}',
    async prepare(c) {
      const token = randomBytes(32).toString('base64url');
      const { id } = await firstRow<{ id: string }>(
        c,
        `INSERT INTO web_form_submissions (email, name, subject, description, locale, token_hash,
                                           expires_at)
         VALUES ($1, 'Form sender', 'From the form', 'A question', 'en', $2,
                 now() + interval '100 years')
         RETURNING id`,
        [`matrix-confirm-${uniq()}@example.test`, createHash('sha256').update(token).digest('hex')],
      );
      return {
        path: `/api/v1/web-form/confirm/${token}`,
        probe: () => firstRow(c, 'SELECT ticket_id FROM web_form_submissions WHERE id = $1', [id]),
      };
    },
    expect: statuses(200, 200, 200, 200, 200, 200, 200),
  },
  {
    // web-form.manage: admin only.
    method: 'GET',
    path: '/api/v1/admin/web-form',
    prepare: async () => ({ path: '/api/v1/admin/web-form' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    // Each cell changes the settings at their current version.
    method: 'PUT',
    path: '/api/v1/admin/web-form',
    async prepare(c) {
      const read = () =>
        firstRow<{ version: number; known_contact_immediate: boolean }>(
          c,
          'SELECT version, known_contact_immediate FROM web_form_settings',
        );
      const current = await read();
      return {
        path: '/api/v1/admin/web-form',
        body: {
          version: current.version,
          knownContactImmediate: !current.known_contact_immediate,
        },
        probe: read,
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  // ---------------------------------------------------------------- visibility settings
  {
    // users.manage: admin only.
    method: 'GET',
    path: '/api/v1/admin/visibility-settings',
    prepare: async () => ({ path: '/api/v1/admin/visibility-settings' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    // The same values at the current version: the write shows in the version alone, and every
    // other row keeps the visibility it was written for.
    method: 'PUT',
    path: '/api/v1/admin/visibility-settings',
    async prepare(c) {
      const read = () =>
        firstRow<{ version: number; default_scope: string; unassigned_group_only: boolean }>(
          c,
          'SELECT version, default_scope, unassigned_group_only FROM visibility_settings',
        );
      const current = await read();
      return {
        path: '/api/v1/admin/visibility-settings',
        body: {
          version: current.version,
          defaultScope: current.default_scope,
          unassignedGroupOnly: current.unassigned_group_only,
        },
        probe: read,
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  // ---------------------------------------------------------------- account mails
  {
    // Public, and the same for everyone: a fresh account per cell gets its reset mail (written
    // after the answer, hence the wait in the probe).
    method: 'POST',
    path: '/api/v1/auth/password-reset-requests',
    async prepare(c) {
      const u = await c.t.factory.user({ role: 'agent' });
      return {
        path: '/api/v1/auth/password-reset-requests',
        body: { email: u.email, app: 'agent' },
        probe: async () => {
          await c.t.app.get(PasswordResets).settled();
          return firstRow(c, 'SELECT count(*)::int AS n FROM deliveries WHERE address = $1', [
            u.email,
          ]);
        },
      };
    },
    expect: statuses(202, 202, 202, 202, 202, 202, 202),
  },
  {
    // Public: the mailed token is the credential; an Authorization header changes nothing.
    method: 'POST',
    path: '/api/v1/auth/password-resets',
    async prepare(c) {
      const u = await c.t.factory.user({ role: 'agent' });
      const token = await mailedToken(c, u.email, 'password_reset', () =>
        c.t
          .http()
          .post('/api/v1/auth/password-reset-requests')
          .send({ email: u.email, app: 'agent' }),
      );
      return {
        path: '/api/v1/auth/password-resets',
        body: { token, password: 'a brand new passphrase' },
        probe: () => firstRow(c, 'SELECT password_hash FROM users WHERE id = $1', [u.id]),
      };
    },
    expect: statuses(204, 204, 204, 204, 204, 204, 204),
  },
  {
    // Own address, for every role: a link goes to the new one.
    method: 'POST',
    path: '/api/v1/me/email-changes',
    caller: 'look-alike',
    async prepare(c) {
      const newEmail = `matrix-new-${uniq()}@example.test`;
      return {
        path: '/api/v1/me/email-changes',
        body: { newEmail, currentPassword: TEST_PASSWORD },
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM deliveries WHERE address = $1', [newEmail]),
      };
    },
    expect: statuses(401, 202, 202, 202, 202, 202, 202),
  },
  {
    // Each caller confirms the change they asked for (the token is their own).
    method: 'POST',
    path: '/api/v1/me/email-confirmations',
    caller: 'look-alike',
    async prepare(c) {
      const caller = c.caller;
      if (!caller) {
        return { path: '/api/v1/me/email-confirmations', body: { token: 'x'.repeat(43) } };
      }
      const newEmail = `matrix-moved-${uniq()}@example.test`;
      const token = await mailedToken(c, newEmail, 'email_change', () =>
        c.t
          .http()
          .post('/api/v1/me/email-changes')
          .set('Authorization', `Bearer ${caller.token}`)
          .send({ newEmail, currentPassword: TEST_PASSWORD }),
      );
      return {
        path: '/api/v1/me/email-confirmations',
        body: { token },
        probe: () => firstRow(c, 'SELECT email FROM users WHERE id = $1', [caller.id]),
      };
    },
    expect: statuses(401, 204, 204, 204, 204, 204, 204),
  },
  {
    // A fresh client contact without a password: client-users.manage (dispatcher, admin).
    method: 'POST',
    path: '/api/v1/users/{id}/invitations',
    async prepare(c) {
      const u = await c.t.factory.user({ role: 'client', organizationId: c.w.orgA.id });
      await c.t.db.query('UPDATE users SET password_hash = NULL WHERE id = $1', [u.id]);
      return {
        path: `/api/v1/users/${u.id}/invitations`,
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM deliveries WHERE user_id = $1', [u.id]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 202, 202),
  },
  // Service accounts and their API tokens: service-accounts.manage (admin only).
  {
    method: 'GET',
    path: '/api/v1/admin/service-accounts',
    prepare: async () => ({ path: '/api/v1/admin/service-accounts' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/service-accounts',
    async prepare(c) {
      const name = `Robot ${uniq()}`;
      return {
        path: '/api/v1/admin/service-accounts',
        body: { name, role: 'agent' },
        probe: () => firstRow(c, 'SELECT count(*)::int AS n FROM users WHERE name = $1', [name]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/service-accounts/{id}',
    async prepare(c) {
      const { accountId } = await createServiceAccountToken(c.t, { scopes: ['tickets:read'] });
      return { path: `/api/v1/admin/service-accounts/${accountId}` };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'PATCH',
    path: '/api/v1/admin/service-accounts/{id}',
    async prepare(c) {
      const { accountId } = await createServiceAccountToken(c.t, { scopes: ['tickets:read'] });
      return {
        path: `/api/v1/admin/service-accounts/${accountId}`,
        body: { version: 1, active: false },
        probe: () => rowState(c.t, 'users', accountId),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/service-accounts/{id}/tokens',
    async prepare(c) {
      const { accountId } = await createServiceAccountToken(c.t, { scopes: ['tickets:read'] });
      return { path: `/api/v1/admin/service-accounts/${accountId}/tokens` };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/service-accounts/{id}/tokens',
    async prepare(c) {
      const { accountId } = await createServiceAccountToken(c.t, { scopes: ['tickets:read'] });
      return {
        path: `/api/v1/admin/service-accounts/${accountId}/tokens`,
        body: { name: 'matrix', scopes: ['tickets:read'] },
        probe: () =>
          firstRow(c, 'SELECT count(*)::int AS n FROM api_tokens WHERE user_id = $1', [accountId]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/service-accounts/{id}/tokens/{tokenId}',
    async prepare(c) {
      const { accountId, tokenId } = await createServiceAccountToken(c.t, {
        scopes: ['tickets:read'],
      });
      return {
        path: `/api/v1/admin/service-accounts/${accountId}/tokens/${tokenId}`,
        probe: () =>
          firstRow(c, 'SELECT revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE id = $1', [
            tokenId,
          ]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 204),
  },
  // ------------------------------------------- support mailboxes (mail.manage: admin only)
  {
    method: 'GET',
    path: '/api/v1/admin/mailboxes',
    prepare: async () => ({ path: '/api/v1/admin/mailboxes' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/mailboxes',
    prepare: async (c) => ({
      path: '/api/v1/admin/mailboxes',
      body: {
        name: 'Matrix mailbox',
        address: `matrix-${uniq()}@helpdesk.test`,
        imapHost: '127.0.0.1',
        imapPort: 993,
        imapTls: 'tls',
        imapUser: 'matrix',
        imapPassword: 'matrix-password',
      },
      probe: () => rowCount(c.t, 'support_mailboxes'),
    }),
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/mailboxes/{id}',
    prepare: async (c) => ({ path: `/api/v1/admin/mailboxes/${await matrixMailbox(c)}` }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'PATCH',
    path: '/api/v1/admin/mailboxes/{id}',
    async prepare(c) {
      const id = await matrixMailbox(c);
      return {
        path: `/api/v1/admin/mailboxes/${id}`,
        body: { version: 1, name: `Renamed ${uniq()}` },
        probe: () => rowState(c.t, 'support_mailboxes', id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/mailboxes/{id}',
    prepare: async (c) => ({
      path: `/api/v1/admin/mailboxes/${await matrixMailbox(c)}`,
      probe: () => rowCount(c.t, 'support_mailboxes'),
    }),
    expect: statuses(401, 403, 403, 403, 403, 403, 204),
  },
  {
    // The fixture's password is unusable: the admin gets a result saying so, recorded as the
    // mailbox's last error; no connection is made.
    method: 'POST',
    path: '/api/v1/admin/mailboxes/{id}/test',
    async prepare(c) {
      const id = await matrixMailbox(c);
      return {
        path: `/api/v1/admin/mailboxes/${id}/test`,
        probe: () => firstRow(c, 'SELECT last_error FROM support_mailboxes WHERE id = $1', [id]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/mailboxes/{id}/failed-messages',
    async prepare(c) {
      const { mailboxId } = await matrixFailedMessage(c);
      return { path: `/api/v1/admin/mailboxes/${mailboxId}/failed-messages` };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/mailboxes/{id}/failed-messages/{messageId}/raw',
    async prepare(c) {
      const { mailboxId, messageId } = await matrixFailedMessage(c);
      return { path: `/api/v1/admin/mailboxes/${mailboxId}/failed-messages/${messageId}/raw` };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/mailboxes/{id}/failed-messages/{messageId}/retry',
    async prepare(c) {
      const { mailboxId, messageId } = await matrixFailedMessage(c);
      return {
        path: `/api/v1/admin/mailboxes/${mailboxId}/failed-messages/${messageId}/retry`,
        probe: () => firstRow(c, 'SELECT status FROM inbound_messages WHERE id = $1', [messageId]),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    // Only service account tokens with inbound-mail:write pipe mail in (inbound-mail.e2e-spec.ts
    // has the token cases): every person, admins included, is refused, and before the body is
    // read, where only an API token counts as a credential (a session's JWT is 401 too).
    method: 'POST',
    path: '/api/v1/inbound-mail',
    prepare: async (c) => ({
      path: '/api/v1/inbound-mail',
      body: { raw: 'From: matrix@example.com' },
      probe: () => rowCount(c.t, 'inbound_messages'),
    }),
    expect: statuses(401, 401, 401, 401, 401, 401, 401),
  },
  // ---------------------------------------------------------------- alerts from monitoring
  {
    // Only service account tokens with alerts:write post alerts (alerts.e2e-spec.ts has the
    // token cases): every person, admins included, is refused before the body is read.
    method: 'POST',
    path: '/api/v1/integrations/alerts',
    prepare: async (c) => ({
      path: '/api/v1/integrations/alerts',
      body: { fingerprint: `matrix-${uniq()}`, status: 'firing', title: 'Matrix alert' },
      probe: () => rowCount(c.t, 'alerts'),
    }),
    expect: statuses(401, 403, 403, 403, 403, 403, 403),
  },
  {
    // alert-rules.manage: admin only, reads included.
    method: 'GET',
    path: '/api/v1/admin/alert-rules',
    prepare: async () => ({ path: '/api/v1/admin/alert-rules' }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/alert-rules',
    prepare: async (c) => ({
      path: '/api/v1/admin/alert-rules',
      body: { name: `Matrix alert rule ${uniq()}`, priority: 'low' },
      probe: () => rowCount(c.t, 'alert_rules'),
    }),
    expect: statuses(401, 403, 403, 403, 403, 403, 201),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/alert-rules/{id}',
    prepare: async (c) => ({ path: `/api/v1/admin/alert-rules/${await matrixAlertRule(c)}` }),
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'PATCH',
    path: '/api/v1/admin/alert-rules/{id}',
    async prepare(c) {
      const id = await matrixAlertRule(c);
      return {
        path: `/api/v1/admin/alert-rules/${id}`,
        body: { version: 1, name: `Renamed alert rule ${uniq()}` },
        probe: () => rowState(c.t, 'alert_rules', id),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/alert-rules/{id}',
    async prepare(c) {
      const id = await matrixAlertRule(c);
      return {
        path: `/api/v1/admin/alert-rules/${id}`,
        probe: () => rowCount(c.t, 'alert_rules'),
      };
    },
    expect: statuses(401, 403, 403, 403, 403, 403, 204),
  },
  // ------------------------------------------- knowledge base (support/kb-matrix-rows.ts)
  ...KB_ROWS,
  // ------------------------------------------- contracts (support/contracts-matrix-rows.ts)
  ...CONTRACTS_ROWS,
  ...REGISTER_IMPORT_ROWS,
  ...PROTOCOL_ROWS,
  ...INSTALLATION_SETTINGS_ROWS,
  ...WORK_LOG_ROWS,
  ...RECORD_FILES_ROWS,
];

describe('authorization', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  describe('matrix', () => {
    it('has exactly one row for every operation in openapi.json, and no row without one', () => {
      const documented = documentedOperations().map((o) => o.key);
      const rows = ROWS.map(rowKey);
      const duplicates = rows.filter((k, i) => rows.indexOf(k) !== i);
      expect({
        operationsWithoutARow: documented.filter((k) => !rows.includes(k)).sort(),
        rowsWithoutAnOperation: rows.filter((k) => !documented.includes(k)).sort(),
        duplicates,
      }).toEqual({ operationsWithoutARow: [], rowsWithoutAnOperation: [], duplicates: [] });
    });

    it('expects only statuses the operation documents, and every write row has a probe', async () => {
      const documented = new Map(documentedOperations().map((o) => [o.key, o.statuses]));
      const undocumented: string[] = [];
      for (const row of ROWS) {
        const declared = documented.get(rowKey(row));
        if (!declared) continue; // the test above reports it
        for (const [persona, status] of Object.entries(row.expect)) {
          if (!declared.includes(status)) undocumented.push(`${rowKey(row)} ${persona} ${status}`);
        }
      }
      expect(undocumented).toEqual([]);
      const writesWithoutProbe: string[] = [];
      for (const row of ROWS.filter((r) => r.method !== 'GET')) {
        const prepared = await row.prepare({ t, w, persona: 'admin', caller: w.admin });
        if (!prepared.probe) writesWithoutProbe.push(rowKey(row));
      }
      expect(writesWithoutProbe).toEqual([]);
    });

    it.each(ROWS.map((row) => [rowKey(row), row] as const))('%s', async (_key, row) => {
      const actual: Record<string, number | string> = {};
      const traces: string[] = [];
      for (const persona of PERSONAS) {
        const caller = await callerFor(t, w, persona, row.caller);
        const prepared = await row.prepare({ t, w, persona, caller });
        expect(prepared.path).toMatch(templatePattern(row.path));
        const before = prepared.probe ? await prepared.probe() : undefined;
        const res = await send(t, row.method, prepared, caller);
        actual[persona] = describeResult(res);
        if (prepared.probe) {
          const after = await prepared.probe();
          const changed = JSON.stringify(before) !== JSON.stringify(after);
          if (res.status >= 400 && changed) traces.push(`${persona}: refused but wrote`);
          if (row.writes === false && changed) traces.push(`${persona}: stores nothing but wrote`);
          if (row.writes !== false && res.status < 300 && !changed) {
            traces.push(`${persona}: succeeded but wrote nothing`);
          }
        }
      }
      expect(actual).toEqual(row.expect);
      expect(traces).toEqual([]);
    });
  });

  describe('what a user can list is exactly what they can open', () => {
    const MARK = 'lanternword';
    const universe: { id: string; number: number }[] = [];
    const withHistory: string[] = [];

    /** staff actions through the API, so history holds real comment and attachment events */
    const asDispatcher = (req: ReturnType<ReturnType<TestApp['http']>['post']>) =>
      req.set('Authorization', bearer(w.dispatcher));

    beforeAll(async () => {
      const past = new Date(t.clock.now().getTime() - 3600_000);
      const requesters = [w.clientA.id, w.clientB.id, w.departmentMember.id, null];
      const assignees = [null, w.agent.id, w.otherAgent.id];
      const groups = [null, w.otherGroup.id];
      const orgOf = new Map([
        [w.clientA.id, w.orgA.id],
        [w.clientB.id, w.orgB.id],
      ]);
      let i = 0;
      for (const requesterId of requesters)
        for (const assigneeId of assignees)
          for (const groupId of groups) {
            i++;
            // Vary what the queues key on, so every counted view holds some and lacks some.
            const ticket = await t.factory.ticket({
              subject: `${MARK} ${i}`,
              requesterId,
              organizationId: requesterId ? (orgOf.get(requesterId) ?? null) : null,
              assigneeId,
              groupId,
              typeKey: i % 3 === 0 ? 'software' : 'microclimate',
              status: ['open', 'in_progress', 'resolved', 'closed'][i % 4],
              createdById: i % 5 === 0 ? w.agent.id : (requesterId ?? w.dispatcher.id),
              needsReply: i % 2 === 0,
              dueAt: i % 3 === 1 ? past : null,
            });
            universe.push(ticket);
          }
      // A public and an internal comment, each with a file, on two public-type tickets of each
      // requester: one unassigned in otherGroup (every agent sees it) and one of otherAgent's.
      for (const ticket of universe.filter((_, n) => n % 6 === 1 || n % 6 === 4)) {
        const pub = await asDispatcher(t.http().post(`/api/v1/tickets/${ticket.id}/comments`)).send(
          { body: 'public answer' },
        );
        const note = await asDispatcher(
          t.http().post(`/api/v1/tickets/${ticket.id}/comments`),
        ).send({ body: 'staff only', internal: true });
        for (const commentId of [pub.body.id, note.body.id] as string[]) {
          const up = await asDispatcher(t.http().post(`/api/v1/tickets/${ticket.id}/attachments`))
            .field('commentId', commentId)
            .attach('file', PNG, { filename: 'x.png', contentType: 'image/png' });
          expect(up.status).toBe(201);
        }
        withHistory.push(ticket.id);
      }
    });

    const personas = (): [string, Persona][] => [
      ['clientA', w.clientA],
      ['clientB', w.clientB],
      ['agent', w.agent],
      ['departmentHead', w.departmentHead],
      ['dispatcher', w.dispatcher],
      ['admin', w.admin],
    ];
    const get = (p: Persona, path: string) => t.http().get(path).set('Authorization', bearer(p));
    const listAll = async (p: Persona, query: string): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(
          p,
          `/api/v1/tickets?limit=200${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(res.status).toBe(200);
        const page = res.body as { items: { id: string }[]; nextCursor: string | null };
        seen.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const camel = (view: string) => view.replace(/_(\w)/g, (_, ch: string) => ch.toUpperCase());

    it.each(['clientA', 'clientB', 'agent', 'departmentHead', 'dispatcher', 'admin'])(
      '%s: every count is its list, every listed ticket opens, and no other ticket does',
      async (name) => {
        const p = personas().find(([n]) => n === name)![1];
        const all = new Set(await listAll(p, ''));

        // Counts: each queue's number is the length of that queue's list, and every queue is
        // part of what the user sees at all.
        const counts = (await get(p, '/api/v1/tickets/counts')).body as Record<string, number>;
        const countedVsListed: Record<string, [number, number]> = {};
        const outsideAll: string[] = [];
        // Clients get the counts of their own views only; the staff queues are a 400 for them.
        // Undistributed is the dispatchers' and admins' queue (a 403 for agents, not counted).
        const views = COUNTED_VIEWS.filter((v) => camel(v) in counts);
        if (!name.startsWith('client')) {
          const distributes = name === 'dispatcher' || name === 'admin';
          expect(views).toEqual(COUNTED_VIEWS.filter((v) => distributes || v !== 'undistributed'));
        }
        if (name.startsWith('client')) {
          expect(Object.keys(counts).sort()).toEqual([
            'closed',
            'createdByMe',
            'informational',
            'open',
          ]);
          // The portal's "For information" filter is a status category, not a view.
          const informational = await listAll(p, '&statusCategory=informational');
          expect(counts.informational).toBe(informational.length);
          outsideAll.push(...informational.filter((id) => !all.has(id)));
        }
        for (const view of views) {
          const listed = await listAll(p, `&view=${view}`);
          countedVsListed[view] = [counts[camel(view)], listed.length];
          outsideAll.push(...listed.filter((id) => !all.has(id)));
        }
        for (const [view, [counted, listed]] of Object.entries(countedVsListed)) {
          expect({ view, counted }).toEqual({ view, counted: listed });
        }
        expect(outsideAll).toEqual([]);
        const searched = await listAll(p, `&q=${MARK}`);
        expect(searched.filter((id) => !all.has(id))).toEqual([]);

        // Listed (whatever the queue) <=> opens by id, by number and through its history.
        const mismatches: string[] = [];
        for (const ticket of universe) {
          const expected = all.has(ticket.id) ? 200 : 404;
          for (const path of [
            `/api/v1/tickets/${ticket.id}`,
            `/api/v1/tickets/by-number/${ticket.number}`,
            `/api/v1/tickets/${ticket.id}/history`,
          ]) {
            const status = (await get(p, path)).status;
            if (status !== expected) mismatches.push(`${path}: ${status}, expected ${expected}`);
          }
        }
        expect(mismatches).toEqual([]);
        // The universe holds tickets on both sides of the line for every persona but admins.
        const visibleInUniverse = universe.filter((x) => all.has(x.id)).length;
        expect(visibleInUniverse).toBeGreaterThan(0);
        if (name !== 'dispatcher' && name !== 'admin') {
          expect(visibleInUniverse).toBeLessThan(universe.length);
        }
      },
    );

    it.each(['clientA', 'clientB', 'agent', 'departmentHead', 'dispatcher', 'admin'])(
      '%s: history mentions only comments and files they can open, of that same ticket',
      async (name) => {
        const p = personas().find(([n]) => n === name)![1];
        const leaks: string[] = [];
        let mentions = 0;
        let seen = 0;
        for (const ticketId of withHistory) {
          const history = await get(p, `/api/v1/tickets/${ticketId}/history`);
          if (history.status === 404) continue; // not theirs: the test above covers that
          expect(history.status).toBe(200);
          seen++;
          const comments = await get(p, `/api/v1/tickets/${ticketId}/comments`);
          const commentIds = new Set(
            (comments.body as { items: { id: string }[] }).items.map((c) => c.id),
          );
          const events = (
            history.body as { items: { kind: string; newValue: Record<string, unknown> | null }[] }
          ).items;
          for (const e of events) {
            const commentId = e.newValue?.commentId;
            if (typeof commentId === 'string') {
              mentions++;
              if (!commentIds.has(commentId)) leaks.push(`${e.kind} mentions comment ${commentId}`);
            }
            const attachmentId = e.newValue?.attachmentId;
            if (typeof attachmentId === 'string') {
              mentions++;
              const a = await get(p, `/api/v1/attachments/${attachmentId}`);
              if (a.status !== 200 || (a.body as { ticketId?: string }).ticketId !== ticketId) {
                leaks.push(`${e.kind} mentions attachment ${attachmentId} (${a.status})`);
              }
            }
          }
        }
        expect(leaks).toEqual([]);
        // Staff hear of both comments and both files of each ticket they see; a client of the
        // public ones only. Every persona sees some of these tickets, so none of this is vacuous.
        expect(seen).toBeGreaterThan(0);
        expect(mentions).toBe(seen * (name.startsWith('client') ? 2 : 4));
        if (name === 'dispatcher' || name === 'admin') expect(seen).toBe(withHistory.length);
      },
    );
  });
});
