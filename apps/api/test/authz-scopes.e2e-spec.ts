import { randomBytes } from 'node:crypto';
import type { VisibilityScope } from '@relaydesk/contracts';
import type { TicketSeed } from './support/factory';
import {
  describeResult,
  documentedOperations,
  PNG,
  rowCount,
  send,
  templatePattern,
  ticketState,
  type Caller,
  type Method,
  type PreparedRequest,
} from './support/authz-matrix';
import { bearer, buildWorld, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const uniq = () => randomBytes(4).toString('hex');

/**
 * The authorization matrix's per-scope columns (issue 16 item 9: "the authorization matrix tests
 * cover each scope"; review F9). authz-matrix.e2e-spec holds one column per role; here the role is
 * always `agent` and the column is the visibility scope, with the installation's option
 * "unassigned tickets only to the group they are routed to" off and on. For every route that acts
 * on one ticket (or one of its files), each scope gets a ticket its scope includes (the route's
 * success, or the role's 403 where the role may not do it at all) and one it does not (404, never
 * 403: an answer that differed from a missing ticket's would say the ticket exists).
 *
 * None of these agents heads a department (a head's tree is a rule of its own, tested with the
 * department heads).
 */

type ScopeName = VisibilityScope;
type Option = 'off' | 'on';
/** Why a case's ticket is or is not in the scope, so a failing cell says which rule broke. */
type CaseName =
  'assigned-visible' | 'assigned-invisible' | 'unassigned-visible' | 'unassigned-invisible';

interface Cast {
  w: World;
  actors: Record<ScopeName, Caller>;
}

/**
 * The tickets each scope does and does not include, written from docs/visibility.md, not from
 * the SQL. Every agent here is in group L1 and department Service (but `all`, in neither), so the
 * ticket that one scope excludes is what the next wider scope adds.
 */
function cases(c: Cast, scope: ScopeName, option: Option): Partial<Record<CaseName, TicketSeed>> {
  const { w } = c;
  const me = c.actors[scope].id;
  const base = { typeKey: 'microclimate', createdById: w.dispatcher.id };
  const outside = { requesterId: w.clientA.id, organizationId: w.orgA.id };
  const departmentPerson = { requesterId: w.departmentMember.id, organizationId: null };
  const on = option === 'on';
  switch (scope) {
    case 'own':
      return {
        // Their own: assigned to them in someone else's group, for someone outside.
        'assigned-visible': { ...base, ...outside, assigneeId: me, groupId: w.otherGroup.id },
        // Their group's and their department's, but not theirs.
        'assigned-invisible': {
          ...base,
          ...departmentPerson,
          assigneeId: w.otherAgent.id,
          groupId: w.group.id,
        },
        'unassigned-visible': { ...base, ...outside, createdById: me, groupId: w.otherGroup.id },
        'unassigned-invisible': { ...base, ...departmentPerson, groupId: w.group.id },
      };
    case 'groups':
      return {
        'assigned-visible': {
          ...base,
          ...outside,
          assigneeId: w.otherAgent.id,
          groupId: w.group.id,
        },
        // Their department's person, in another group: the department scope's, not theirs.
        'assigned-invisible': {
          ...base,
          ...departmentPerson,
          assigneeId: w.otherAgent.id,
          groupId: w.otherGroup.id,
        },
        // Option off: every unassigned ticket; on: their group's only.
        'unassigned-visible': { ...base, ...outside, groupId: on ? w.group.id : w.otherGroup.id },
        ...(on && {
          'unassigned-invisible': { ...base, ...departmentPerson, groupId: w.otherGroup.id },
        }),
      };
    case 'department':
      return {
        'assigned-visible': {
          ...base,
          ...departmentPerson,
          assigneeId: w.otherAgent.id,
          groupId: w.otherGroup.id,
        },
        'assigned-invisible': {
          ...base,
          ...outside,
          assigneeId: w.otherAgent.id,
          groupId: w.otherGroup.id,
        },
        'unassigned-visible': {
          ...base,
          ...(on ? departmentPerson : outside),
          groupId: w.otherGroup.id,
        },
        ...(on && { 'unassigned-invisible': { ...base, ...outside, groupId: w.otherGroup.id } }),
      };
    case 'all':
      return {
        'assigned-visible': {
          ...base,
          ...outside,
          assigneeId: w.otherAgent.id,
          groupId: w.otherGroup.id,
        },
        'unassigned-visible': { ...base, ...outside, groupId: w.otherGroup.id },
      };
  }
}

interface Cell {
  t: TestApp;
  w: World;
  caller: Caller;
  /** A fresh ticket of the cell's case, with the row's own needs (a status, no assignee) on top. */
  ticket: (extra?: TicketSeed) => Promise<{ id: string; number: number; version: number }>;
  /** A fresh ticket the caller sees whatever their scope: one assigned to them. */
  visibleToCaller: () => Promise<{ id: string; number: number; version: number }>;
}

interface ScopeRow {
  method: Method;
  path: string;
  /** The answer on a ticket the scope includes (an agent's: the route's success, or 403). */
  visible: number;
  /** Cells whose visible ticket answers otherwise for a reason besides visibility. */
  except?: Record<string, number>;
  /** Rows whose route needs an unassigned ticket run only the unassigned cases. */
  unassignedOnly?: boolean;
  prepare: (c: Cell) => Promise<PreparedRequest>;
}

const firstRow = async <T>(t: TestApp, text: string, params: unknown[] = []): Promise<T> =>
  ((await t.db.query(text, params)) as T[])[0];

/** A public file on the ticket, uploaded by the dispatcher (who sees every ticket). */
async function fileOn(c: Cell, ticketId: string): Promise<string> {
  const res = await c.t
    .http()
    .post(`/api/v1/tickets/${ticketId}/attachments`)
    .set('Authorization', bearer(c.w.dispatcher))
    .attach('file', PNG, { filename: 'plan.png', contentType: 'image/png' });
  if (res.status !== 201) throw new Error(`fixture upload failed: ${res.status}`);
  return (res.body as { id: string }).id;
}

const ROWS: ScopeRow[] = [
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/by-number/{number}',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/by-number/${(await c.ticket()).number}` }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/tickets/{id}',
    visible: 200,
    async prepare(c) {
      const ticket = await c.ticket();
      return {
        path: `/api/v1/tickets/${ticket.id}`,
        body: { version: ticket.version, subject: `Edited in scope ${uniq()}` },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
  },
  {
    // An agent hands over only a ticket of a project they manage: none here, so 403 once the
    // ticket is known to be theirs to see, and 404 before that.
    method: 'POST',
    path: '/api/v1/tickets/{id}/assignment',
    visible: 403,
    async prepare(c) {
      const ticket = await c.ticket();
      return {
        path: `/api/v1/tickets/${ticket.id}/assignment`,
        body: { version: ticket.version, assigneeId: c.w.agent.id, groupId: c.w.group.id },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/attachments',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/attachments` }),
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/attachments',
    visible: 201,
    async prepare(c) {
      const ticket = await c.ticket();
      return {
        path: `/api/v1/tickets/${ticket.id}/attachments`,
        file: { name: 'photo.png', content: PNG },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/protocol',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/protocol?lang=cs` }),
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/protocol/attachments',
    visible: 201,
    async prepare(c) {
      const ticket = await c.ticket();
      return {
        path: `/api/v1/tickets/${ticket.id}/protocol/attachments?lang=ru`,
        probe: () => ticketState(c.t, ticket.id),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/comments',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/comments` }),
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/comments',
    visible: 201,
    async prepare(c) {
      const ticket = await c.ticket();
      return {
        path: `/api/v1/tickets/${ticket.id}/comments`,
        body: { body: `A word in scope ${uniq()}`, internal: true },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/history',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/history` }),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/deliveries',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/deliveries` }),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/inbound-mail',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/inbound-mail` }),
  },
  {
    // Taking needs an unassigned ticket: only the unassigned cases, where the option decides.
    method: 'POST',
    path: '/api/v1/tickets/{id}/take',
    visible: 200,
    unassignedOnly: true,
    async prepare(c) {
      const ticket = await c.ticket({ assigneeId: null });
      return {
        path: `/api/v1/tickets/${ticket.id}/take`,
        body: { version: ticket.version },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/transitions',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/transitions` }),
  },
  {
    // The requester answers a resolution (dispatchers and admins may record it): an agent who
    // sees the ticket gets 403, one who does not 404.
    method: 'POST',
    path: '/api/v1/tickets/{id}/acceptance',
    visible: 403,
    async prepare(c) {
      const ticket = await c.ticket({ status: 'resolved' });
      return {
        path: `/api/v1/tickets/${ticket.id}/acceptance`,
        body: { decision: 'accept', version: ticket.version },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
  },
  {
    // Nobody rates their own work: own's visible ticket is assigned to them, so 403.
    method: 'POST',
    path: '/api/v1/tickets/{id}/rating-links',
    visible: 201,
    except: { 'own:assigned-visible': 403 },
    async prepare(c) {
      const ticket = await c.ticket({ status: 'resolved' });
      return {
        path: `/api/v1/tickets/${ticket.id}/rating-links`,
        probe: () => ticketState(c.t, ticket.id),
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/transitions',
    visible: 200,
    async prepare(c) {
      const ticket = await c.ticket({ status: 'resolved' });
      return {
        path: `/api/v1/tickets/${ticket.id}/transitions`,
        body: { to: 'open', version: ticket.version },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/links',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/links` }),
  },
  {
    // The other end is always one the caller sees: only this ticket's visibility is in question.
    method: 'POST',
    path: '/api/v1/tickets/{id}/links',
    visible: 201,
    async prepare(c) {
      const ticket = await c.ticket();
      const other = await c.visibleToCaller();
      return {
        path: `/api/v1/tickets/${ticket.id}/links`,
        body: { relation: 'related', ticketId: other.id },
        probe: () => rowCount(c.t, 'ticket_links'),
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/tickets/{id}/links/{linkId}',
    visible: 204,
    async prepare(c) {
      const ticket = await c.ticket();
      const other = await c.visibleToCaller();
      const link = await firstRow<{ id: string }>(
        c.t,
        `INSERT INTO ticket_links (ticket_id, linked_ticket_id, kind) VALUES ($1, $2, 'related') RETURNING id`,
        [ticket.id, other.id],
      );
      return {
        path: `/api/v1/tickets/${ticket.id}/links/${link.id}`,
        probe: () => rowCount(c.t, 'ticket_links'),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/watchers',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/watchers` }),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/watchers/candidates',
    visible: 200,
    prepare: async (c) => ({
      path: `/api/v1/tickets/${(await c.ticket()).id}/watchers/candidates`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/watchers',
    visible: 200,
    async prepare(c) {
      const ticket = await c.ticket();
      return {
        path: `/api/v1/tickets/${ticket.id}/watchers`,
        body: { userId: c.caller.id },
        probe: () => rowCount(c.t, 'ticket_watchers'),
      };
    },
  },
  {
    // A watcher row does not make a ticket visible: one left from before a narrower scope is
    // still a 404 to remove.
    method: 'DELETE',
    path: '/api/v1/tickets/{id}/watchers/{userId}',
    visible: 204,
    async prepare(c) {
      const ticket = await c.ticket();
      await c.t.db.query('INSERT INTO ticket_watchers (ticket_id, user_id) VALUES ($1, $2)', [
        ticket.id,
        c.caller.id,
      ]);
      return {
        path: `/api/v1/tickets/${ticket.id}/watchers/${c.caller.id}`,
        probe: () => rowCount(c.t, 'ticket_watchers'),
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/escalation',
    visible: 200,
    async prepare(c) {
      const ticket = await c.ticket();
      const group = await c.t.factory.group(`Scope L1 ${uniq()}`);
      await c.t.db.query('UPDATE groups SET support_level = 1 WHERE id = $1', [group.id]);
      return {
        path: `/api/v1/tickets/${ticket.id}/escalation`,
        body: { version: ticket.version, reason: 'Scope escalation' },
        probe: () => ticketState(c.t, ticket.id),
      };
    },
  },
  {
    // The composer's reply templates for the ticket (issue 17): the ticket decides, a global
    // template is everyone's.
    method: 'GET',
    path: '/api/v1/tickets/{id}/canned-responses',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/canned-responses` }),
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/canned-responses/{cannedId}/render',
    visible: 200,
    async prepare(c) {
      const ticket = await c.ticket();
      const { id } = await firstRow<{ id: string }>(
        c.t,
        `INSERT INTO canned_responses (title, body, scope, language)
         VALUES ($1, 'Hello {{requester.name}}', 'global', 'en') RETURNING id`,
        [`Scope template ${uniq()}`],
      );
      return {
        path: `/api/v1/tickets/${ticket.id}/canned-responses/${id}/render`,
        probe: () => firstRow(c.t, 'SELECT usage_count FROM canned_responses WHERE id = $1', [id]),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/attachments/{id}',
    visible: 200,
    prepare: async (c) => ({
      path: `/api/v1/attachments/${await fileOn(c, (await c.ticket()).id)}`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/attachments/{id}/content',
    visible: 200,
    prepare: async (c) => ({
      path: `/api/v1/attachments/${await fileOn(c, (await c.ticket()).id)}/content`,
    }),
  },
  // The knowledge base's ticket routes (issue 17): the ticket's visibility decides first.
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/kb-articles',
    visible: 201,
    async prepare(c) {
      const ticket = await c.ticket({ status: 'resolved' });
      return {
        path: `/api/v1/tickets/${ticket.id}/kb-articles`,
        body: { sectionId: await kbSection(c.t) },
        probe: () =>
          firstRow(c.t, 'SELECT count(*)::int AS n FROM kb_article_tickets WHERE ticket_id = $1', [
            ticket.id,
          ]),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/kb-reply-suggestions',
    visible: 200,
    prepare: async (c) => ({
      path: `/api/v1/tickets/${(await c.ticket()).id}/kb-reply-suggestions`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/kb-suggestions',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await suggested(c)).id}/kb-suggestions` }),
  },
  {
    // Only the requester closes a ticket as solved by an article: staff who see it get 403.
    method: 'POST',
    path: '/api/v1/tickets/{id}/kb-solutions',
    visible: 403,
    async prepare(c) {
      const ticket = await suggested(c);
      return {
        path: `/api/v1/tickets/${ticket.id}/kb-solutions`,
        body: { articleId: ticket.articleId, version: ticket.version },
        probe: () =>
          firstRow(c.t, 'SELECT solved_at FROM ticket_kb_suggestions WHERE ticket_id = $1', [
            ticket.id,
          ]),
      };
    },
  },
  // The work log's ticket routes (issue 18): the ticket's visibility decides first.
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/work-entries',
    visible: 200,
    prepare: async (c) => ({ path: `/api/v1/tickets/${(await c.ticket()).id}/work-entries` }),
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/work-entries/history',
    visible: 200,
    prepare: async (c) => ({
      path: `/api/v1/tickets/${(await c.ticket()).id}/work-entries/history`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/tickets/{id}/work-entries',
    visible: 201,
    async prepare(c) {
      const ticket = await c.ticket();
      return {
        path: `/api/v1/tickets/${ticket.id}/work-entries`,
        body: { durationSeconds: 900, description: 'Checked the boiler' },
        probe: () =>
          firstRow(c.t, 'SELECT count(*)::int AS n FROM work_entries WHERE ticket_id = $1', [
            ticket.id,
          ]),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/tickets/{id}/work-entries/attachments',
    visible: 200,
    prepare: async (c) => ({
      path: `/api/v1/tickets/${(await c.ticket()).id}/work-entries/attachments`,
    }),
  },
];

/** A staff section of the knowledge base, for drafts published from tickets. */
async function kbSection(t: TestApp): Promise<string> {
  const row = await firstRow<{ id: string }>(
    t,
    `INSERT INTO kb_sections (id, path, name, audience)
     SELECT g.id, ARRAY[g.id], $1, 'staff' FROM (SELECT gen_random_uuid() AS id) g RETURNING id`,
    [`Scope section ${uniq()}`],
  );
  return row.id;
}

/** The cell's ticket with one article of the automatic answer suggested on it. */
async function suggested(c: Cell) {
  const ticket = await c.ticket();
  const article = await firstRow<{ id: string }>(
    c.t,
    `INSERT INTO kb_articles (id, section_id, title, body, language, translation_group_id, status, published_at)
     SELECT g.id, $1, $2, 'Scope body', 'en', g.id, 'published', now()
       FROM (SELECT gen_random_uuid() AS id) g RETURNING id`,
    [await kbSection(c.t), `Scope article ${uniq()}`],
  );
  await c.t.db.query(
    'INSERT INTO ticket_kb_suggestions (ticket_id, article_id, position, score) VALUES ($1, $2, 1, 1)',
    [ticket.id, article.id],
  );
  return { ...ticket, articleId: article.id };
}

/** The operations that act on one ticket or one of its files: each must have a row above. */
const ONE_TICKET =
  /^\S+ \/api\/v1\/(tickets\/(\{id\}|by-number\/\{number\})|attachments\/\{id\})(\/|$)/;

describe('authorization per visibility scope', () => {
  let t: TestApp;
  let cast: Cast;

  const setOption = async (option: Option) => {
    const admin = bearer(cast.w.admin);
    const current = await t
      .http()
      .get('/api/v1/admin/visibility-settings')
      .set('Authorization', admin);
    const res = await t
      .http()
      .put('/api/v1/admin/visibility-settings')
      .set('Authorization', admin)
      .send({ version: current.body.version, unassignedGroupOnly: option === 'on' });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const w = await buildWorld(t);
    const actor = async (scope: ScopeName): Promise<Caller> => {
      const inTeam = scope !== 'all';
      const u = await t.factory.user({
        role: 'agent',
        name: `Scope ${scope}`,
        visibilityScope: scope,
        departmentId: inTeam ? w.department.id : null,
      });
      if (inTeam) {
        await t.db.query('INSERT INTO group_members (group_id, user_id) VALUES ($1, $2)', [
          w.group.id,
          u.id,
        ]);
      }
      return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
    };
    cast = {
      w,
      actors: {
        own: await actor('own'),
        groups: await actor('groups'),
        department: await actor('department'),
        all: await actor('all'),
      },
    };
    // None of them heads a department: what is tested here is the scope alone.
    const heads = (await t.db.query('SELECT 1 FROM departments WHERE head_id = ANY($1)', [
      Object.values(cast.actors).map((a) => a.id),
    ])) as unknown[];
    expect(heads).toEqual([]);
  });
  afterAll(() => t.close());

  it('has a row for every operation on one ticket or one of its files in openapi.json', () => {
    const documented = documentedOperations()
      .map((o) => o.key)
      .filter((k) => ONE_TICKET.test(k));
    const rows = ROWS.map((r) => `${r.method} ${r.path}`);
    expect({
      missing: documented.filter((k) => !rows.includes(k)).sort(),
      extra: rows.filter((k) => !documented.includes(k)).sort(),
    }).toEqual({ missing: [], extra: [] });
  });

  it('the cases are what the scope says: each scope sees its visible cases and no invisible one', async () => {
    // The matrix below trusts these fixtures; check them against the list the scope yields.
    for (const option of ['off', 'on'] as const) {
      await setOption(option);
      try {
        for (const scope of ['own', 'groups', 'department', 'all'] as const) {
          for (const [name, seed] of Object.entries(cases(cast, scope, option))) {
            const word = `scopecase${uniq()}`;
            const ticket = await t.factory.ticket({ ...seed, subject: word });
            const res = await t
              .http()
              .get(`/api/v1/tickets?view=all&q=${word}`)
              .set('Authorization', bearer(cast.actors[scope]));
            const listed = (res.body as { items: { id: string }[] }).items.some(
              (x) => x.id === ticket.id,
            );
            expect({ option, scope, name, listed }).toEqual({
              option,
              scope,
              name,
              listed: name.endsWith('-visible'),
            });
          }
        }
      } finally {
        await setOption('off');
      }
    }
  });

  describe.each(['off', 'on'] as const)('unassigned only to the routed group: %s', (option) => {
    beforeAll(() => setOption(option));
    afterAll(() => setOption('off'));

    it.each(ROWS.map((row) => [`${row.method} ${row.path}`, row] as const))(
      '%s',
      async (_key, row) => {
        const actual: Record<string, number | string> = {};
        const expected: Record<string, number> = {};
        const traces: string[] = [];
        for (const scope of ['own', 'groups', 'department', 'all'] as const) {
          const caller = cast.actors[scope];
          for (const [name, seed] of Object.entries(cases(cast, scope, option))) {
            // The option is about unassigned tickets only; with it on, the assigned cases are
            // the same as with it off (the first test checks them in the list with it on).
            const assignedCase = !name.startsWith('unassigned');
            if (assignedCase && (row.unassignedOnly || option === 'on')) continue;
            const cell = `${scope}:${name}`;
            const prepared = await row.prepare({
              t,
              w: cast.w,
              caller,
              ticket: (extra = {}) =>
                t.factory.ticket({ ...seed, ...extra, subject: `Scope cell ${uniq()}` }),
              visibleToCaller: () =>
                t.factory.ticket({ typeKey: 'microclimate', assigneeId: caller.id }),
            });
            expect(prepared.path).toMatch(templatePattern(row.path));
            const before = prepared.probe ? await prepared.probe() : undefined;
            const res = await send(t, row.method, prepared, caller);
            actual[cell] = describeResult(res);
            expected[cell] = name.endsWith('-visible') ? (row.except?.[cell] ?? row.visible) : 404;
            if (prepared.probe) {
              const changed = JSON.stringify(before) !== JSON.stringify(await prepared.probe());
              if (res.status >= 400 && changed) traces.push(`${cell}: refused but wrote`);
              if (res.status < 300 && !changed) traces.push(`${cell}: succeeded but wrote nothing`);
            }
          }
        }
        expect(actual).toEqual(expected);
        expect(traces).toEqual([]);
      },
    );
  });
});
