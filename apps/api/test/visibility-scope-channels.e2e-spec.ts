import type { AddressInfo } from 'node:net';
import type { VisibilityScope } from '@relaydesk/contracts';
import { EventLogListener } from '../src/common/events/event-log-listener';
import { PNG } from './support/authz-matrix';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { SseReader, type SseEvent } from './support/sse-reader';
import { startTestApp, type TestApp } from './support/test-app';

type Scope = VisibilityScope;
const SCOPES: readonly Scope[] = ['own', 'groups', 'department', 'all'];

interface Fixture {
  id: string;
  number: number;
  requesterId: string | null;
  assigneeId: string | null;
  groupId: string | null;
  createdById: string;
  status: string;
  needsReply: boolean;
  due: Date | null;
}

/** The Okdesk statuses of the fixtures' type, and their categories (okdesk.preset.ts). */
const STATUSES = ['open', 'in_progress', 'needs_clarification', 'resolved', 'closed'] as const;
const CATEGORY: Record<(typeof STATUSES)[number], string> = {
  open: 'open',
  in_progress: 'open',
  needs_clarification: 'pending',
  resolved: 'resolved',
  closed: 'closed',
};
const active = (x: Fixture) => ['new', 'open', 'pending'].includes(CATEGORY[x.status as 'open']);
const notDone = (x: Fixture) =>
  !['closed', 'canceled', 'informational'].includes(CATEGORY[x.status as 'open']);

/**
 * Issue 16 item 9 says one rule serves "list, detail, search, counts, calendar, feeds,
 * notifications and reports"; visibility-scopes.e2e-spec checks the first ones. This one checks
 * the rest for each scope (review F9): the queue counts besides the main one, the iCal feed, the
 * live stream and its replay, reports, files, links and watchers. A ticket outside the scope
 * never shows in any of them, and what hangs off it is a 404.
 *
 * The agents here head no department (a head's tree is a rule of its own).
 */
describe('visibility scopes on every other channel', () => {
  let t: TestApp;
  let w: World;
  let actors: Record<Scope, Persona>;
  const fixtures: Fixture[] = [];
  /** Tickets with a file each (the dispatcher's upload): ticket id -> attachment id. */
  const files = new Map<string, string>();
  /** Links written as fixtures: [ticket, linked ticket, link id]. */
  const links: [string, string, string][] = [];

  const api = (p: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(p)),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(p)).send(body),
    put: (path: string, body: object) =>
      t.http().put(`/api/v1${path}`).set('Authorization', bearer(p)).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', bearer(p)),
  });

  const setUnassignedGroupOnly = async (on: boolean) => {
    const current = await api(w.admin).get('/admin/visibility-settings');
    const res = await api(w.admin).put('/admin/visibility-settings', {
      version: current.body.version,
      unassignedGroupOnly: on,
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const f = t.factory;
    const actor = async (scope: Scope, groupId: string): Promise<Persona> => {
      const u = await f.user({
        role: 'agent',
        name: `Channel ${scope}`,
        visibilityScope: scope,
        // `all` is outside the department: what it sees is not the department's doing.
        departmentId: scope === 'all' ? null : w.department.id,
      });
      await t.db.query('INSERT INTO group_members (group_id, user_id) VALUES ($1, $2)', [
        groupId,
        u.id,
      ]);
      return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
    };
    actors = {
      own: await actor('own', w.group.id),
      groups: await actor('groups', w.group.id),
      department: await actor('department', w.group.id),
      all: await actor('all', w.otherGroup.id),
    };

    const now = t.clock.now().getTime();
    const dues = [null, new Date(now - 3_600_000), new Date(now + 2 * 86_400_000)];
    const add = async (seed: Omit<Fixture, 'id' | 'number' | 'status' | 'needsReply' | 'due'>) => {
      const i = fixtures.length;
      const status = STATUSES[i % STATUSES.length];
      const needsReply = i % 2 === 0;
      const due = dues[i % 3];
      const ticket = await f.ticket({
        subject: `channelword ${i}`,
        typeKey: 'microclimate',
        organizationId: seed.requesterId === w.clientA.id ? w.orgA.id : null,
        requesterId: seed.requesterId,
        assigneeId: seed.assigneeId,
        groupId: seed.groupId,
        createdById: seed.createdById,
        status,
        needsReply,
        dueAt: due,
      });
      fixtures.push({ ...seed, id: ticket.id, number: ticket.number, status, needsReply, due });
    };
    const assignees = [null, ...SCOPES.map((s) => actors[s].id), w.otherAgent.id];
    for (const assigneeId of assignees)
      for (const requesterId of [w.clientA.id, w.departmentMember.id, null])
        for (const groupId of [null, w.group.id, w.otherGroup.id])
          await add({ requesterId, assigneeId, groupId, createdById: w.dispatcher.id });
    // Requested by each of them, worked elsewhere: their own in any scope.
    for (const s of SCOPES) {
      for (let k = 0; k < 3; k++) {
        await add({
          requesterId: actors[s].id,
          assigneeId: w.otherAgent.id,
          groupId: w.otherGroup.id,
          createdById: w.dispatcher.id,
        });
      }
    }
    // The due date the queues and the feed read (manual due date, else the SLA's).
    await t.db.query(
      'UPDATE tickets SET effective_due_at = due_at WHERE id = ANY($1) AND due_at IS NOT NULL',
      [fixtures.map((x) => x.id)],
    );

    // A public file on every third ticket, and links from each of those to two others.
    for (const [n, x] of fixtures.entries()) {
      if (n % 3 !== 0) continue;
      const up = await t
        .http()
        .post(`/api/v1/tickets/${x.id}/attachments`)
        .set('Authorization', bearer(w.dispatcher))
        .attach('file', PNG, { filename: 'plan.png', contentType: 'image/png' });
      expect(up.status).toBe(201);
      files.set(x.id, up.body.id as string);
      // The next ticket, and one of the next assignee's (nine tickets each): ends on both sides.
      const others = [fixtures[(n + 1) % fixtures.length], fixtures[(n + 10) % fixtures.length]];
      for (const other of others) {
        const [link] = (await t.db.query(
          `INSERT INTO ticket_links (ticket_id, linked_ticket_id, kind) VALUES ($1, $2, 'related')
           RETURNING id`,
          [x.id, other.id],
        )) as { id: string }[];
        links.push([x.id, other.id, link.id]);
      }
    }
  });
  afterAll(() => t.close());

  const deptTree = () =>
    new Set([
      w.departmentHead.id,
      w.departmentMember.id,
      actors.own.id,
      actors.groups.id,
      actors.department.id,
    ]);
  const groupsOf = (scope: Scope) => (scope === 'all' ? [w.otherGroup.id] : [w.group.id]);

  /** What each scope includes, from docs/visibility.md (none of these agents is in a project). */
  const includes = (scope: Scope, unassignedGroupOnly = false) => {
    const me = actors[scope].id;
    const own = (x: Fixture) => x.assigneeId === me || x.createdById === me || x.requesterId === me;
    const groups = (x: Fixture) =>
      own(x) ||
      (!unassignedGroupOnly && x.assigneeId === null) ||
      (x.groupId !== null && groupsOf(scope).includes(x.groupId));
    const department = (x: Fixture) =>
      groups(x) ||
      (x.requesterId !== null && deptTree().has(x.requesterId)) ||
      (x.assigneeId !== null && deptTree().has(x.assigneeId));
    return { own, groups, department, all: () => true }[scope];
  };

  /** Each counted queue's own condition (docs/queues.md), visibility aside. */
  const queue = (scope: Scope): Record<string, (x: Fixture) => boolean> => {
    const me = actors[scope].id;
    const now = t.clock.now().getTime();
    return {
      mine: (x) => x.assigneeId === me && notDone(x),
      // An agent's Unassigned holds their groups' tickets only.
      unassigned: (x) =>
        x.assigneeId === null &&
        active(x) &&
        x.groupId !== null &&
        groupsOf(scope).includes(x.groupId),
      createdByMe: (x) => x.createdById === me,
      open: notDone,
      closed: (x) => ['closed', 'canceled'].includes(CATEGORY[x.status as 'open']),
      needsReply: (x) => x.needsReply && notDone(x),
      overdue: (x) => x.due !== null && x.due.getTime() < now && active(x),
    };
  };
  const VIEW: Record<string, string> = {
    mine: 'mine',
    unassigned: 'unassigned',
    createdByMe: 'created_by_me',
    open: 'open',
    closed: 'closed',
    needsReply: 'needs_reply',
    overdue: 'overdue',
  };

  const listAll = async (p: Persona, query: string): Promise<string[]> => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(p).get(
        `/tickets?limit=200${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as { id: string }[]).map((x) => x.id));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return seen.sort();
  };

  describe.each([false, true])('counts, with unassigned only to their group: %s', (option) => {
    beforeAll(() => setUnassignedGroupOnly(option));
    afterAll(() => setUnassignedGroupOnly(false));

    it.each(SCOPES)(
      'scope %s: each queue counts and lists exactly the scope’s tickets of that queue',
      async (scope) => {
        const p = actors[scope];
        const rule = includes(scope, option);
        const counts = (await api(p).get('/tickets/counts')).body as Record<string, number>;
        // Undistributed is the dispatchers' queue whatever an agent's scope.
        expect(Object.keys(counts).sort()).toEqual(Object.keys(VIEW).sort());
        expect((await api(p).get('/tickets?view=undistributed')).status).toBe(403);
        const actual: Record<string, { count: number; list: string[] }> = {};
        const expected: Record<string, { count: number; list: string[] }> = {};
        let hiddenButQueued = 0;
        for (const [name, inQueue] of Object.entries(queue(scope))) {
          const mine = fixtures.filter((x) => inQueue(x) && rule(x));
          hiddenButQueued += fixtures.filter((x) => inQueue(x) && !rule(x)).length;
          // Tickets of other tests' making do not exist here: the fixtures are every ticket.
          actual[name] = { count: counts[name], list: await listAll(p, `&view=${VIEW[name]}`) };
          expected[name] = { count: mine.length, list: mine.map((x) => x.id).sort() };
        }
        expect(actual).toEqual(expected);
        // Every queue but `all`'s has tickets it would show if the scope did not stop them.
        if (scope !== 'all') expect(hiddenButQueued).toBeGreaterThan(0);
        expect(Object.values(expected).some((e) => e.count > 0)).toBe(true);
      },
    );
  });

  it.each(SCOPES)(
    'scope %s: the iCal feed holds their own open tickets with a due date, never another',
    async (scope) => {
      const p = actors[scope];
      const created = await api(p).post('/me/calendar-feed', {});
      expect(created.status).toBe(201);
      const feed = await t.http().get(created.body.path as string);
      expect(feed.status).toBe(200);
      const uids = [...String(feed.text).matchAll(/^UID:ticket-([0-9a-f-]+)@relaydesk\r?$/gm)]
        .map((m) => m[1])
        .sort();
      const me = p.id;
      const rule = includes(scope);
      const expected = fixtures
        .filter((x) => (x.assigneeId === me || x.requesterId === me) && x.due && notDone(x))
        .map((x) => x.id)
        .sort();
      expect(uids).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
      expect(uids.filter((id) => !rule(fixtures.find((x) => x.id === id)!))).toEqual([]);
      // Seeing a ticket is not having it in one's calendar: the scope's other dated tickets are not.
      // (In scope own everything seen is one's own, so there is no such ticket.)
      const seenDated = fixtures.filter((x) => rule(x) && x.due && notDone(x));
      if (scope !== 'own') expect(seenDated.length).toBeGreaterThan(expected.length);
    },
  );

  it.each(SCOPES)('scope %s: reports are the dispatchers’ (403), whatever the scope', async (s) => {
    for (const path of ['/reports/satisfaction', '/reports/support-levels']) {
      const res = await api(actors[s]).get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    // The roles that read reports see every ticket: a scope can never narrow a report.
    expect((await api(w.dispatcher).get('/reports/satisfaction')).status).toBe(200);
  });

  it.each(SCOPES)(
    'scope %s: a file opens (list, metadata, content) exactly where its ticket does',
    async (scope) => {
      const p = actors[scope];
      const rule = includes(scope);
      const mismatches: string[] = [];
      let hidden = 0;
      for (const [ticketId, fileId] of files) {
        const visible = rule(fixtures.find((x) => x.id === ticketId)!);
        if (!visible) hidden++;
        const list = await api(p).get(`/tickets/${ticketId}/attachments`);
        const listed = list.status === 200 && JSON.stringify(list.body).includes(fileId);
        if (list.status !== (visible ? 200 : 404) || listed !== visible) {
          mismatches.push(`list of ${ticketId}: ${list.status}`);
        }
        for (const path of [`/attachments/${fileId}`, `/attachments/${fileId}/content`]) {
          const res = await api(p).get(path);
          if (res.status !== (visible ? 200 : 404)) mismatches.push(`${path}: ${res.status}`);
        }
      }
      expect(mismatches).toEqual([]);
      if (scope !== 'all') expect(hidden).toBeGreaterThan(0);
    },
  );

  it.each(SCOPES)(
    'scope %s: links show only tickets the scope includes; linking to one outside it is like linking to none',
    async (scope) => {
      const p = actors[scope];
      const rule = includes(scope);
      const isVisible = (id: string) => rule(fixtures.find((x) => x.id === id)!);
      const mismatches: string[] = [];
      let hiddenEnds = 0;
      for (const ticketId of new Set(links.flatMap(([a, b]) => [a, b]))) {
        const res = await api(p).get(`/tickets/${ticketId}/links`);
        if (!isVisible(ticketId)) {
          if (res.status !== 404) mismatches.push(`${ticketId}: ${res.status}`);
          continue;
        }
        const others = links
          .filter(([a, b]) => a === ticketId || b === ticketId)
          .map(([a, b]) => (a === ticketId ? b : a));
        hiddenEnds += others.filter((o) => !isVisible(o)).length;
        const got = (res.body as { ticket: { id: string } }[]).map((l) => l.ticket.id).sort();
        const want = others.filter(isVisible).sort();
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${ticketId}: ${got}`);
      }
      expect(mismatches).toEqual([]);
      if (scope === 'all') return;
      expect(hiddenEnds).toBeGreaterThan(0);

      // From a ticket they see to one they do not: the answer of an id that does not exist.
      const mine = fixtures.find(
        (x) => x.assigneeId === p.id && CATEGORY[x.status as 'open'] === 'open',
      )!;
      const outside = fixtures.find((x) => !rule(x))!;
      const missing = '00000000-0000-4000-8000-000000000000';
      const attempt = (ticketId: string) =>
        api(p).post(`/tickets/${mine.id}/links`, { relation: 'related', ticketId });
      const toOutside = await attempt(outside.id);
      const toNothing = await attempt(missing);
      expect(toOutside.status).toBe(422);
      expect(toOutside.body.errors).toEqual(toNothing.body.errors);
      // Removing a link whose other end they do not see: as if there were no such link.
      const [a, , linkId] = links.find(([x, y]) => isVisible(x) !== isVisible(y))!;
      const from = isVisible(a) ? a : links.find(([, , id]) => id === linkId)![1];
      expect((await api(p).delete(`/tickets/${from}/links/${linkId}`)).status).toBe(404);
      expect((await api(w.dispatcher).get(`/tickets/${from}/links`)).body).toContainEqual(
        expect.objectContaining({ id: linkId }),
      );
    },
  );

  it.each(SCOPES.filter((s) => s !== 'all'))(
    'scope %s: a ticket’s history does not name a linked ticket outside the scope',
    async (scope) => {
      const p = actors[scope];
      const rule = includes(scope);
      // Their own open ticket, in no fixture link (the links test counts those).
      const linked = new Set(links.flatMap(([a, b]) => [a, b]));
      const isOpen = (x: Fixture) => CATEGORY[x.status as 'open'] === 'open' && !linked.has(x.id);
      const seen = fixtures.find((x) => x.assigneeId === p.id && isOpen(x))!;
      // Of nobody here: no other scope's run links to these tickets' histories.
      const nobodys = (x: Fixture) => !SCOPES.some((s) => x.assigneeId === actors[s].id);
      const unseen = fixtures.filter(
        (x) => !rule(x) && notDone(x) && !linked.has(x.id) && nobodys(x),
      );
      expect(unseen.length).toBeGreaterThanOrEqual(2);
      // Linked by the dispatcher through the API, then one link removed: both kinds of line.
      for (const other of unseen.slice(0, 2)) {
        const res = await api(w.dispatcher).post(`/tickets/${seen.id}/links`, {
          relation: 'related',
          ticketId: other.id,
        });
        expect(res.status).toBe(201);
      }
      const current = (await api(w.dispatcher).get(`/tickets/${seen.id}/links`)).body as {
        id: string;
        ticket: { id: string };
      }[];
      const removed = current.find((l) => l.ticket.id === unseen[1].id)!;
      await api(w.dispatcher).delete(`/tickets/${seen.id}/links/${removed.id}`).expect(204);
      const aboutUnseen = (m: string) =>
        unseen.slice(0, 2).some((x) => m.includes(x.id) || m.endsWith(` #${x.number}`));
      const mentions = async (who: Persona) =>
        (
          (await api(who).get(`/tickets/${seen.id}/history`)).body.items as {
            kind: string;
            newValue: { ticketId?: string; number?: number } | null;
          }[]
        )
          .filter((e) => e.kind.startsWith('link_'))
          .map((e) => `${e.kind} ${e.newValue?.ticketId} #${e.newValue?.number}`);
      // The dispatcher's history has all three lines: the test can see a mention.
      expect((await mentions(w.dispatcher)).filter(aboutUnseen)).toHaveLength(3);
      expect((await mentions(p)).filter(aboutUnseen)).toEqual([]);
    },
  );

  it.each(SCOPES.filter((s) => s !== 'all'))(
    'scope %s: watching never shows a ticket outside the scope, and nobody makes them watch one',
    async (scope) => {
      const p = actors[scope];
      const rule = includes(scope);
      const outside = fixtures.filter((x) => !rule(x) && notDone(x)).slice(0, 2);
      const inside = fixtures.find((x) => rule(x) && notDone(x) && x.assigneeId !== p.id)!;
      expect(outside.length).toBe(2);
      // Whom the dispatcher may add: the person is offered on a ticket they see only.
      const offered = async (ticketId: string) =>
        (
          (
            await api(w.dispatcher).get(
              `/tickets/${ticketId}/watchers/candidates?q=${encodeURIComponent(`Channel ${scope}`)}`,
            )
          ).body as { id: string }[]
        ).some((c) => c.id === p.id);
      expect(await offered(inside.id)).toBe(true);
      expect(await offered(outside[0].id)).toBe(false);
      const added = await api(w.dispatcher).post(`/tickets/${outside[0].id}/watchers`, {
        userId: p.id,
      });
      expect(added.status).toBe(422);
      // A watch kept from before their scope narrowed: it shows nothing and tells nothing.
      for (const x of [...outside, inside]) {
        await t.db.query(
          'INSERT INTO ticket_watchers (ticket_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [x.id, p.id],
        );
      }
      try {
        for (const x of outside) {
          expect((await api(p).get(`/tickets/${x.id}`)).status).toBe(404);
          expect((await api(p).get(`/tickets/${x.id}/watchers`)).status).toBe(404);
        }
        expect(await listAll(p, '&view=all')).toEqual(
          fixtures
            .filter(rule)
            .map((x) => x.id)
            .sort(),
        );
        await t.drainNotifications();
        for (const x of [...outside, inside]) {
          const res = await api(w.dispatcher).post(`/tickets/${x.id}/comments`, {
            body: `Watched ${x.number}`,
            internal: true,
          });
          expect(res.status).toBe(201);
        }
        await t.drainNotifications();
        const told = (
          (await t.db.query(
            'SELECT DISTINCT ticket_id FROM notifications WHERE user_id = $1 AND ticket_id = ANY($2)',
            [p.id, [...outside, inside].map((x) => x.id)],
          )) as { ticket_id: string }[]
        ).map((r) => r.ticket_id);
        expect(told).toEqual([inside.id]);
      } finally {
        await t.db.query('DELETE FROM ticket_watchers WHERE user_id = $1', [p.id]);
      }
    },
  );

  it.each(SCOPES)(
    'scope %s: the bell keeps only notifications of tickets the scope includes',
    async (scope) => {
      const p = actors[scope];
      const rule = includes(scope);
      // Only these: one about every ticket, as if written while they could see each (before
      // their scope narrowed).
      await t.db.query('DELETE FROM notifications WHERE user_id = $1', [p.id]);
      const rows = (await t.db.query(
        `INSERT INTO notifications (user_id, kind, ticket_id)
         SELECT $1, 'sla_reminder', id FROM unnest($2::uuid[]) AS id RETURNING id, ticket_id`,
        [p.id, fixtures.map((x) => x.id)],
      )) as { id: string; ticket_id: string }[];
      try {
        const listed: string[] = [];
        let cursor: string | null = null;
        do {
          const res = await api(p).get(
            `/me/notifications?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          expect(res.status).toBe(200);
          listed.push(...(res.body.items as { id: string }[]).map((n) => n.id));
          cursor = res.body.nextCursor as string | null;
        } while (cursor);
        const seen = rows.filter((r) => rule(fixtures.find((x) => x.id === r.ticket_id)!));
        expect(listed.sort()).toEqual(seen.map((r) => r.id).sort());
        expect((await api(p).get('/me/notifications/unread-count')).body.unread).toBe(seen.length);
        const hidden = rows.find((r) => !seen.includes(r));
        if (scope === 'all') return expect(hidden).toBeUndefined();
        const read = await api(p).post(`/me/notifications/${hidden!.id}/read`, {});
        expect(read.status).toBe(404);
      } finally {
        await t.db.query('DELETE FROM notifications WHERE id = ANY($1)', [rows.map((r) => r.id)]);
      }
    },
  );

  // After the tests that compare lists with the fixtures: it files tickets of its own.
  it.each(SCOPES.filter((s) => s !== 'all'))(
    'scope %s: a forced close names only the open children the scope includes',
    async (scope) => {
      const p = actors[scope];
      const parent = await t.factory.ticket({ assigneeId: p.id, status: 'resolved' });
      const mine = await t.factory.ticket({ assigneeId: p.id, subject: 'Child of mine' });
      const outside = await t.factory.ticket({
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
        assigneeId: w.otherAgent.id,
        groupId: w.otherGroup.id,
        subject: 'Child elsewhere',
      });
      expect((await api(p).get(`/tickets/${outside.id}`)).status).toBe(404);
      for (const child of [mine, outside]) {
        await t.db.query(
          `INSERT INTO ticket_links (ticket_id, linked_ticket_id, kind) VALUES ($1, $2, 'child_of')`,
          [child.id, parent.id],
        );
      }
      const closed = await api(w.dispatcher).post(`/tickets/${parent.id}/transitions`, {
        to: 'closed',
        version: parent.version,
        force: true,
      });
      expect(closed.status).toBe(200);
      const forced = async (who: Persona) =>
        (
          (await api(who).get(`/tickets/${parent.id}/history`)).body.items as {
            kind: string;
            newValue: { openChildren: number[] };
          }[]
        ).find((e) => e.kind === 'close_forced')?.newValue.openChildren;
      expect((await forced(w.dispatcher))?.sort()).toEqual([mine.number, outside.number].sort());
      expect(await forced(p)).toEqual([mine.number]);
    },
  );

  // Last: it writes events on the fixtures.
  it('live stream and its replay: each scope hears of exactly the tickets it includes', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    await t.app.get(EventLogListener).ready();
    const url = `http://127.0.0.1:${port}/api/v1/me/events`;
    const streams: SseReader[] = [];
    const open = async (p: Persona, headers: Record<string, string> = {}) => {
      const s = await SseReader.open(url, p.token, headers);
      streams.push(s);
      expect(s.status).toBe(200);
      const started = Date.now();
      while (s.retry === null && Date.now() - started < 10_000) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(s.retry).not.toBeNull();
      return s;
    };
    const heard = (s: SseReader, after = 0n) =>
      new Set(
        s.events
          .filter((e) => e.event === 'ticket' && BigInt(e.id) > after)
          .map((e) => (e.data as { ticketId: string }).ticketId),
      );
    const about = (id: string) => (e: SseEvent) =>
      e.event === 'ticket' && (e.data as { ticketId: string }).ticketId === id;
    try {
      const live = Object.fromEntries(
        await Promise.all(SCOPES.map(async (s) => [s, await open(actors[s])] as const)),
      ) as Record<Scope, SseReader>;
      const before = BigInt(live.own.lastEventId);
      // A change on tickets on both sides of every scope's line, then on a ticket each of them
      // sees (assigned to them): events come in commit order, so once that one is heard the
      // earlier ones have been decided.
      const changed = fixtures.filter((_, n) => n % 4 === 1).slice(0, 16);
      for (const x of changed) {
        const res = await api(w.dispatcher).post(`/tickets/${x.id}/comments`, {
          body: 'Live',
          internal: true,
        });
        expect(res.status).toBe(201);
      }
      const markers = Object.fromEntries(
        SCOPES.map((s) => [s, fixtures.find((x) => x.assigneeId === actors[s].id)!.id]),
      ) as Record<Scope, string>;
      for (const s of SCOPES) {
        await api(w.dispatcher)
          .post(`/tickets/${markers[s]}/comments`, { body: 'Marker', internal: true })
          .expect(201);
      }
      const markerIds = new Set(Object.values(markers));
      const expectedFor = (s: Scope) =>
        changed
          .filter(includes(s))
          .map((x) => x.id)
          .filter((id) => !markerIds.has(id))
          .sort();
      const without = (ids: Set<string>) => [...ids].filter((id) => !markerIds.has(id)).sort();
      for (const s of SCOPES) {
        await live[s].next(about(markers[s]));
        expect({ s, heard: without(heard(live[s], before)) }).toEqual({
          s,
          heard: expectedFor(s),
        });
        if (s !== 'all') expect(expectedFor(s).length).toBeLessThan(changed.length);
      }
      // Reconnecting with the id from before the changes replays the same, no more.
      for (const s of SCOPES) {
        const replay = await open(actors[s], { 'Last-Event-ID': before.toString() });
        await replay.next(about(markers[s]));
        expect({ s, replayed: without(heard(replay, before)) }).toEqual({
          s,
          replayed: expectedFor(s),
        });
      }
    } finally {
      for (const s of streams) s.close();
    }
  });
});
