import type { DataSource } from 'typeorm';
import { OKDESK_STATUSES, TICKET_CHANNELS, TICKET_PRIORITIES } from '@relaydesk/contracts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/database/seeds/demo-data';
import { seedOnFirstStart } from '../src/database/seeds/seed-on-start';
import { HAPPYDESK_PRESET } from '../src/modules/workflow/presets/happydesk.preset';
import { OKDESK_PRESET } from '../src/modules/workflow/presets/okdesk.preset';
import { PYTHAGORAS_PRESET } from '../src/modules/workflow/presets/pythagoras.preset';
import type { WorkflowSpec } from '../src/modules/workflow/workflow-spec';
import { createServiceToken } from './support/service-token';
import { startTestApp, type TestApp } from './support/test-app';

// pdf-parse 1.x is CommonJS without types; its lib entry skips the package's debug self-test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string }>;

async function one<T>(db: DataSource, text: string, params: unknown[] = []): Promise<T> {
  const rows = (await db.query(text, params)) as T[];
  return rows[0];
}

/** Row counts of everything the seed writes. */
async function counts(db: DataSource) {
  return one<Record<string, number>>(
    db,
    `SELECT (SELECT count(*)::int FROM organizations) AS organizations,
            (SELECT count(*)::int FROM departments) AS departments,
            (SELECT count(*)::int FROM departments WHERE head_id IS NOT NULL) AS "departmentsWithHead",
            (SELECT count(*)::int FROM groups) AS groups,
            (SELECT count(*)::int FROM group_members) AS "groupMembers",
            (SELECT count(*)::int FROM users) AS users,
            (SELECT count(*)::int FROM users WHERE role = 'admin') AS admins,
            (SELECT count(*)::int FROM users WHERE role = 'dispatcher') AS dispatchers,
            (SELECT count(*)::int FROM users WHERE role = 'agent') AS agents,
            (SELECT count(*)::int FROM users WHERE role = 'client') AS clients,
            (SELECT count(*)::int FROM tickets) AS tickets,
            (SELECT count(*)::int FROM ticket_comments) AS comments,
            (SELECT count(*)::int FROM ticket_events) AS events`,
  );
}

describe('seed on first start: demo data', () => {
  let t: TestApp;
  let logins: { role: string; email: string; password: string }[];
  beforeAll(async () => {
    t = await startTestApp();
    ({ logins } = await seedOnFirstStart(t.db, { ...t.config, demoData: true }));
  });
  afterAll(() => t.close());

  const count = async (text: string, params: unknown[] = []) =>
    (await one<{ n: number }>(t.db, `SELECT count(*)::int AS n FROM ${text}`, params)).n;

  it('returns the demo logins, admin first', () => {
    expect(logins).toEqual(DEMO_LOGINS);
    expect(logins[0]).toMatchObject({ role: 'admin', email: 'admin@relaydesk.local' });
    expect(new Set(logins.map((l) => l.email)).size).toBe(logins.length);
  });

  it('lets every demo login sign in with its role', async () => {
    for (const login of logins) {
      expect(login.password).toBe(DEMO_PASSWORD);
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: login.email, password: login.password });
      expect(res.status).toBe(200);
      // The label starts with the role: "agent, dept head", "client, org-wide".
      expect(res.body.user.role).toBe(login.role.split(',')[0]);
      expect(res.body.user.email).toBe(login.email);
    }
    const roles = new Set(logins.map((l) => l.role.split(',')[0]));
    expect([...roles].sort()).toEqual(['admin', 'agent', 'client', 'dispatcher']);
  });

  it('offers a department head and clients with and without organization visibility', async () => {
    const byLabel = (label: string) => logins.find((l) => l.role === label)!.email;
    expect(
      await count(`departments d JOIN users u ON u.id = d.head_id WHERE u.email = $1`, [
        byLabel('agent, dept head'),
      ]),
    ).toBe(1);
    const client = (email: string) =>
      one<{ can_view_organization_tickets: boolean; organization_id: string | null }>(
        t.db,
        `SELECT can_view_organization_tickets, organization_id FROM users WHERE email = $1`,
        [email],
      );
    const orgWide = await client(byLabel('client, org-wide'));
    const own = await client(byLabel('client'));
    expect(orgWide.can_view_organization_tickets).toBe(true);
    expect(own.can_view_organization_tickets).toBe(false);
    expect(orgWide.organization_id).not.toBeNull();
    expect(own.organization_id).toBe(orgWide.organization_id);
  });

  it('offers an agent who manages a project with staff members and a new task to hand over (Pythagoras)', async () => {
    const email = logins.find((l) => l.role === 'agent, project manager')?.email;
    expect(email).toBeDefined();
    const row = await one<{ members: number; fresh: number }>(
      t.db,
      `SELECT (SELECT count(*)::int FROM project_members pm JOIN users m ON m.id = pm.user_id
                WHERE pm.project_id = p.id AND m.role <> 'client' AND m.id <> u.id) AS members,
              (SELECT count(*)::int FROM tickets tk
                WHERE tk.project_id = p.id AND tk.status = 'new') AS fresh
         FROM projects p JOIN users u ON u.id = p.manager_id
        WHERE u.email = $1 AND u.role = 'agent' AND p.active`,
      [email],
    );
    expect(row.members).toBeGreaterThan(0);
    expect(row.fresh).toBeGreaterThan(0);
  });

  it('offers an agent in scope “own only” who, in a group with unassigned tickets, sees her own work and nothing else', async () => {
    const email = logins.find((l) => l.role === 'agent, own only')!.email;
    const olga = await one<{ id: string; visibility_scope: string }>(
      t.db,
      'SELECT id, visibility_scope FROM users WHERE email = $1',
      [email],
    );
    expect(olga.visibility_scope).toBe('own');
    const auth = `Bearer ${await t.tokenFor(olga.id)}`;
    const mine = (
      (await t.db.query(
        `SELECT id FROM tickets WHERE assignee_id = $1 OR requester_id = $1 OR created_by_id = $1
            OR project_id IN (SELECT project_id FROM project_members WHERE user_id = $1)`,
        [olga.id],
      )) as { id: string }[]
    )
      .map((r) => r.id)
      .sort();
    expect(mine.length).toBeGreaterThan(0);
    // Her group has unassigned tickets an agent of the default scope would see.
    expect(
      await count(
        `tickets WHERE assignee_id IS NULL AND group_id IN (SELECT group_id FROM group_members WHERE user_id = $1)`,
        [olga.id],
      ),
    ).toBeGreaterThan(0);
    const list = await t.http().get('/api/v1/tickets?limit=200').set('Authorization', auth);
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { id: string }) => x.id).sort()).toEqual(mine);
    const counts = await t.http().get('/api/v1/tickets/counts').set('Authorization', auth);
    expect(counts.body.open + counts.body.closed).toBeLessThanOrEqual(mine.length);
  });

  it('offers canned responses in the three languages; L1’s microclimate one leads and fills on a demo ticket', async () => {
    const langs = (await t.db.query(
      `SELECT language, count(*)::int AS n FROM canned_responses GROUP BY language ORDER BY language`,
    )) as { language: string; n: number }[];
    expect(langs.map((l) => l.language)).toEqual(['cs', 'en', 'ru']);
    const alexey = await one<{ id: string }>(
      t.db,
      `SELECT id FROM users WHERE email = 'alexey.smirnov@relaydesk.local'`,
    );
    const ticket = await one<{ id: string }>(
      t.db,
      `SELECT t.id FROM tickets t JOIN ticket_types tt ON tt.id = t.type_id
        WHERE tt.key = 'microclimate' AND t.assignee_id = $1 ORDER BY t.number LIMIT 1`,
      [alexey.id],
    );
    const auth = `Bearer ${await t.tokenFor(alexey.id)}`;
    const picker = await t
      .http()
      .get(`/api/v1/tickets/${ticket.id}/canned-responses`)
      .set('Authorization', auth);
    expect(picker.status).toBe(200);
    const items = (picker.body as { items: { id: string; title: string }[] }).items;
    // Alexey is in L1: its template hinted to microclimate comes first on a microclimate ticket.
    expect(items[0].title).toMatch(/^(Уточнить зону|Upřesnit zónu)/);
    const rendered = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/canned-responses/${items[0].id}/render`)
      .set('Authorization', auth);
    expect(rendered.status).toBe(200);
    expect(rendered.body).toMatchObject({ unknownPlaceholders: [] });
    expect((rendered.body as { body: string }).body).not.toContain('{{');
  });

  it('offers a knowledge base in three languages: each reader finds what they may see', async () => {
    const token = async (email: string) => {
      const u = await one<{ id: string }>(t.db, 'SELECT id FROM users WHERE email = $1', [email]);
      return `Bearer ${await t.tokenFor(u.id)}`;
    };
    const search = async (auth: string | null, q: string) => {
      const req = t
        .http()
        .get(`/api/v1/${auth ? '' : 'public/'}kb/search?q=${encodeURIComponent(q)}`);
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(200);
      return (res.body as { items: { title: string }[] }).items.map((i) => i.title);
    };
    const langs = (await t.db.query(
      `SELECT DISTINCT language FROM kb_articles WHERE status = 'published' ORDER BY language`,
    )) as { language: string }[];
    expect(langs.map((l) => l.language)).toEqual(['cs', 'en', 'ru']);
    // Agro-Yuzhny's client finds his organization's article by an inflected word; Novák's does not.
    const sergey = await token('s.petrov@agro-yuzhny.example');
    const petr = await token('petr.novak@zahradnictvi-novak.example');
    expect(await search(sergey, 'насосов')).toEqual([
      'Замена циркуляционного насоса в теплице № 3',
    ]);
    expect(await search(petr, 'насосов')).toEqual([]);
    // Czech without accents; the public KB without signing in; runbooks for staff only.
    expect(await search(petr, 'cidlo vlhkosti')).toEqual(['Čidlo vlhkosti ukazuje 100 %']);
    // The Czech article's tag "portál" matches unaccented too.
    expect((await search(null, 'portal')).sort()).toEqual([
      'How to file a request in the portal',
      'Jak podat požadavek na portálu',
    ]);
    expect(await search(petr, 'controller')).toEqual([]);
    const admin = await token(logins[0].email);
    expect(await search(admin, 'controller')).toEqual([
      'Rebooting a greenhouse controller remotely',
    ]);

    // An article with a picture, stored as its file like an upload and shown inline.
    const [withImage] = (await t.db.query(
      `SELECT a.id, f.id AS file_id FROM kb_articles a JOIN kb_article_attachments f ON f.article_id = a.id
        WHERE a.title = 'The humidity sensor shows 100%'`,
    )) as { id: string; file_id: string }[];
    expect(withImage).toBeDefined();
    const fileUrl = `/api/v1/kb/articles/${withImage.id}/attachments/${withImage.file_id}`;
    const read = await t
      .http()
      .get(`/api/v1/kb/articles/${withImage.id}`)
      .set('Authorization', petr);
    expect(read.status).toBe(200);
    expect(read.body.bodyHtml).toContain(`<img src="${fileUrl}"`);
    const file = await t
      .http()
      .get(fileUrl)
      .set('Authorization', petr)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect((file.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
  });

  it('creates the directory: organizations, departments, groups and people', async () => {
    const c = await counts(t.db);
    expect(c).toMatchObject({
      organizations: 2,
      departments: 2,
      departmentsWithHead: 2,
      groups: 2,
      dispatchers: 1,
    });
    expect(c.agents).toBeGreaterThanOrEqual(3);
    expect(c.admins).toBeGreaterThanOrEqual(1);
    expect(await count(`users WHERE role = 'admin' AND visibility_scope = 'all'`)).toBe(c.admins);
    // Users' phones are what an SMS gateway takes (E.164); staff with one get SMS in the demo.
    expect(await count(`users WHERE phone IS NOT NULL AND phone !~ '^\\+[1-9][0-9]{6,14}$'`)).toBe(
      0,
    );
    expect(await count(`users WHERE sms_opt_in AND role <> 'client'`)).toBeGreaterThan(0);
    expect(await count(`users WHERE sms_opt_in AND (phone IS NULL OR role = 'client')`)).toBe(0);
    // Complete organization cards, 2-3 contacts each, at least one who sees the whole company.
    expect(
      await count(`organizations WHERE tax_id IS NOT NULL AND address IS NOT NULL
                     AND phone IS NOT NULL AND email IS NOT NULL`),
    ).toBe(2);
    const orgs = (await t.db.query(
      `SELECT o.id, count(u.id)::int AS contacts,
              count(u.id) FILTER (WHERE u.can_view_organization_tickets)::int AS org_wide
         FROM organizations o JOIN users u ON u.organization_id = o.id AND u.role = 'client'
        GROUP BY o.id`,
    )) as { contacts: number; org_wide: number }[];
    expect(orgs).toHaveLength(2);
    for (const o of orgs) {
      expect(o.contacts).toBeGreaterThanOrEqual(2);
      expect(o.contacts).toBeLessThanOrEqual(3);
      expect(o.org_wide).toBeGreaterThanOrEqual(1);
    }
    // Heads are staff of their own department; one department sits under the other.
    expect(
      await count(`departments d JOIN users u ON u.id = d.head_id
                    WHERE u.role <> 'client' AND u.department_id = d.id`),
    ).toBe(2);
    expect(await count(`departments WHERE parent_id IS NOT NULL`)).toBe(1);
    expect(
      await count(`users WHERE role IN ('agent', 'dispatcher') AND department_id IS NULL`),
    ).toBe(0);
    expect(await count(`users WHERE role = 'client' AND organization_id IS NULL`)).toBe(0);
    expect(await count(`users WHERE role = 'client' AND locale NOT IN ('ru', 'cs')`)).toBe(0);
    expect(await count(`users WHERE locale = 'ru'`)).toBeGreaterThan(0);
    expect(await count(`users WHERE locale = 'cs'`)).toBeGreaterThan(0);
    // Three agents or more spread over both groups, only staff in groups.
    expect(
      await count(`(SELECT DISTINCT gm.user_id FROM group_members gm
                     JOIN users u ON u.id = gm.user_id AND u.role = 'agent') x`),
    ).toBeGreaterThanOrEqual(3);
    expect(
      await count(
        `groups g WHERE NOT EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = g.id)`,
      ),
    ).toBe(0);
    expect(
      await count(`group_members gm JOIN users u ON u.id = gm.user_id WHERE u.role = 'client'`),
    ).toBe(0);
  });

  it('spreads the tickets over every status, priority, type and channel', async () => {
    const n = await count('tickets');
    expect(n).toBeGreaterThanOrEqual(50);
    expect(n).toBeLessThanOrEqual(70);
    const statuses = (await t.db.query(
      `SELECT ws.key, count(tk.id)::int AS n
         FROM workflow_statuses ws JOIN workflows w ON w.id = ws.workflow_id AND w.key = 'okdesk'
         LEFT JOIN tickets tk ON tk.status = ws.key AND tk.workflow_id = w.id
        GROUP BY ws.key`,
    )) as { key: string; n: number }[];
    expect(statuses.map((s) => s.key).sort()).toEqual([...OKDESK_STATUSES].sort());
    expect(statuses.filter((s) => s.n === 0)).toEqual([]);

    // The other two presets hold a few tickets of their own types (see the test below).
    expect(
      await count(`tickets tk JOIN workflows w ON w.id = tk.workflow_id
                   WHERE w.key NOT IN ('okdesk', 'happydesk', 'pythagoras')`),
    ).toBe(0);
    expect(
      await count(`tickets tk JOIN ticket_types tt ON tt.id = tk.type_id
                   WHERE tt.workflow_id <> tk.workflow_id`),
    ).toBe(0);
    expect(
      await count(`tickets tk LEFT JOIN workflow_statuses ws
                     ON ws.workflow_id = tk.workflow_id AND ws.key = tk.status
                   WHERE ws.category IS DISTINCT FROM tk.status_category`),
    ).toBe(0);

    const distinct = async (column: string) =>
      (
        (await t.db.query(`SELECT DISTINCT ${column} AS v FROM tickets ORDER BY 1`)) as {
          v: string;
        }[]
      ).map((r) => r.v);
    expect(await distinct('priority')).toEqual([...TICKET_PRIORITIES].sort());
    expect(await distinct('channel')).toEqual([...TICKET_CHANNELS].sort());
    expect(
      await count(
        `ticket_types tt WHERE NOT EXISTS (SELECT 1 FROM tickets tk WHERE tk.type_id = tt.id)`,
      ),
    ).toBe(0);
    expect(await count(`ticket_types`)).toBe(10);

    // Numbers from the sequence, in the order the tickets were opened.
    const order = (await t.db.query(
      `SELECT number::int AS number FROM tickets ORDER BY created_at`,
    )) as { number: number }[];
    const numbers = order.map((r) => r.number);
    expect(numbers[0]).toBe(1001);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('keeps clients on public types and the staff on internal ones', async () => {
    expect(
      await count(`tickets tk JOIN users r ON r.id = tk.requester_id
                    JOIN ticket_types tt ON tt.id = tk.type_id
                   WHERE r.role = 'client' AND NOT tt.is_public`),
    ).toBe(0);
    expect(
      await count(`tickets tk JOIN users r ON r.id = tk.requester_id
                   WHERE r.role = 'client' AND tk.organization_id IS DISTINCT FROM r.organization_id`),
    ).toBe(0);
    // Every internal type was requested by staff.
    expect(
      await count(`ticket_types tt WHERE NOT tt.is_public AND NOT EXISTS (
                     SELECT 1 FROM tickets tk JOIN users r ON r.id = tk.requester_id
                      WHERE tk.type_id = tt.id AND r.role <> 'client')`),
    ).toBe(0);
    // Assignees are agents of the service company; the queues have something in them.
    expect(
      await count(`tickets tk JOIN users a ON a.id = tk.assignee_id WHERE a.role = 'client'`),
    ).toBe(0);
    expect(await count(`tickets WHERE assignee_id IS NULL`)).toBeGreaterThan(0);
    expect(
      await count(`tickets WHERE assignee_id IS NULL AND group_id IS NOT NULL`),
    ).toBeGreaterThan(0);
    expect(
      await count(`tickets WHERE assignee_id IS NOT NULL AND group_id IS NOT NULL`),
    ).toBeGreaterThan(0);
    expect(
      await count(`tickets WHERE assignee_id IS NOT NULL AND group_id IS NULL`),
    ).toBeGreaterThan(0);
  });

  it('gives the tickets consistent dates', async () => {
    expect(await count(`tickets WHERE updated_at < created_at`)).toBe(0);
    expect(
      await count(`tickets WHERE created_at < now() - interval '46 days' OR created_at > now()`),
    ).toBe(0);
    expect(await count(`tickets WHERE created_at < now() - interval '40 days'`)).toBeGreaterThan(0);
    expect(await count(`tickets WHERE created_at > now() - interval '2 days'`)).toBeGreaterThan(0);
    expect(
      await count(`tickets WHERE status = 'needs_clarification'
                     AND (postponed_until IS NULL OR postponed_until <= now())`),
    ).toBe(0);
    expect(
      await count(
        `tickets WHERE status_category IN ('resolved', 'closed') AND resolved_at IS NULL`,
      ),
    ).toBe(0);
    expect(
      await count(
        `tickets WHERE status_category NOT IN ('resolved', 'closed') AND resolved_at IS NOT NULL`,
      ),
    ).toBe(0);
    expect(
      await count(`tickets WHERE (status_category = 'closed') <> (closed_at IS NOT NULL)`),
    ).toBe(0);
    expect(await count(`tickets WHERE closed_at < resolved_at OR resolved_at < created_at`)).toBe(
      0,
    );
    const overdue = await count(
      `tickets WHERE due_at < now() AND status_category IN ('new', 'open', 'pending')`,
    );
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(10);
    expect(await count(`tickets WHERE due_at > now()`)).toBeGreaterThan(0);
  });

  it('writes public and internal comments, never an internal one by a client', async () => {
    expect(await count(`ticket_comments WHERE internal`)).toBeGreaterThan(0);
    expect(await count(`ticket_comments WHERE NOT internal`)).toBeGreaterThan(0);
    expect(
      await count(
        `ticket_comments c JOIN users u ON u.id = c.author_id WHERE c.internal AND u.role = 'client'`,
      ),
    ).toBe(0);
    expect(await count(`ticket_comments WHERE author_id IS NULL`)).toBe(0);
    // Clients write only on their own company's tickets.
    expect(
      await count(`ticket_comments c JOIN users u ON u.id = c.author_id JOIN tickets tk ON tk.id = c.ticket_id
                   WHERE u.role = 'client' AND tk.organization_id IS DISTINCT FROM u.organization_id`),
    ).toBe(0);
    expect(
      await count(`ticket_comments c JOIN tickets tk ON tk.id = c.ticket_id
                   WHERE c.created_at <= tk.created_at OR c.created_at > tk.updated_at`),
    ).toBe(0);
    const withComments = await count(
      `tickets tk WHERE EXISTS (SELECT 1 FROM ticket_comments c WHERE c.ticket_id = tk.id)`,
    );
    expect(withComments / (await count('tickets'))).toBeGreaterThan(0.5);
    // The search index saw them (its triggers ran).
    expect(await count('ticket_search')).toBe(await count('tickets'));
  });

  it('marks first responses and tickets waiting for a reply from what the comments say', async () => {
    expect(
      await count(`tickets tk WHERE tk.first_responded_at IS DISTINCT FROM (
                     SELECT min(c.created_at) FROM ticket_comments c JOIN users u ON u.id = c.author_id
                      WHERE c.ticket_id = tk.id AND NOT c.internal AND u.role <> 'client')`),
    ).toBe(0);
    expect(await count(`tickets WHERE first_responded_at IS NOT NULL`)).toBeGreaterThan(0);
    expect(await count(`tickets WHERE needs_reply`)).toBeGreaterThan(0);
    expect(
      await count(`tickets tk WHERE tk.needs_reply AND (
                     tk.status_category NOT IN ('open', 'pending')
                     OR (SELECT u.role FROM ticket_comments c JOIN users u ON u.id = c.author_id
                          WHERE c.ticket_id = tk.id AND NOT c.internal
                          ORDER BY c.created_at DESC LIMIT 1) IS DISTINCT FROM 'client')`),
    ).toBe(0);
  });

  it('records a history that leads to each ticket’s current status', async () => {
    expect(
      await count(`tickets tk WHERE (SELECT count(*) FROM ticket_events e
                                      WHERE e.ticket_id = tk.id AND e.kind = 'created') <> 1`),
    ).toBe(0);
    expect(
      await count(`tickets tk JOIN ticket_events e ON e.ticket_id = tk.id AND e.kind = 'created'
                   WHERE e.actor_id IS DISTINCT FROM tk.created_by_id OR e.created_at <> tk.created_at
                      OR (e.new_value ->> 'number')::bigint IS DISTINCT FROM tk.number
                      OR e.new_value ->> 'subject' IS DISTINCT FROM tk.subject
                      OR e.new_value ->> 'priority' IS DISTINCT FROM tk.priority
                      OR e.new_value ->> 'status' IS DISTINCT FROM (
                           SELECT ws.key FROM workflow_statuses ws
                            WHERE ws.workflow_id = tk.workflow_id AND ws.is_initial)`),
    ).toBe(0);
    // One comment_added per comment, with its id and internal flag.
    expect(await count(`ticket_events WHERE kind = 'comment_added'`)).toBe(
      await count('ticket_comments'),
    );
    expect(
      await count(`ticket_comments c WHERE NOT EXISTS (
                     SELECT 1 FROM ticket_events e WHERE e.ticket_id = c.ticket_id AND e.kind = 'comment_added'
                        AND e.new_value ->> 'commentId' = c.id::text AND e.internal = c.internal
                        AND e.actor_id = c.author_id AND e.created_at = c.created_at)`),
    ).toBe(0);
    // Replaying the history gives each ticket's status, routing and postponement, and every
    // status change is a transition the workflow allows.
    const events = (await t.db.query(
      `SELECT e.ticket_id, e.kind, e.field, e.old_value, e.new_value, e.created_at > tk.updated_at AS late,
              (e.kind <> 'status_changed' OR EXISTS (
                 SELECT 1 FROM workflow_transitions wt WHERE wt.workflow_id = tk.workflow_id
                    AND to_jsonb(wt.from_status) = e.old_value AND to_jsonb(wt.to_status) = e.new_value)) AS allowed
         FROM ticket_events e JOIN tickets tk ON tk.id = e.ticket_id
        ORDER BY e.ticket_id, e.created_at, e.id`,
    )) as {
      ticket_id: string;
      kind: string;
      field: string | null;
      old_value: unknown;
      new_value: Record<string, unknown> | string | null;
      late: boolean;
      allowed: boolean;
    }[];
    type Replayed = { status?: unknown; routing?: unknown; postponedUntil: unknown };
    const state = new Map<string, Replayed>();
    for (const e of events) {
      expect(e).toMatchObject({ allowed: true });
      // Events of one write may sit microseconds after the ticket's updated_at, never later.
      expect(e.late ? e.kind : 'in time').toMatch(/in time|field_changed/);
      const s = state.get(e.ticket_id) ?? { postponedUntil: null };
      state.set(e.ticket_id, s);
      if (e.kind === 'created') {
        const v = e.new_value as Record<string, unknown>;
        s.status = v.status;
        s.routing = { assigneeId: v.assigneeId, groupId: v.groupId };
      } else if (e.kind === 'status_changed') {
        expect(e.field).toBe('status');
        expect(e.old_value).toBe(s.status);
        s.status = e.new_value;
      } else if (e.kind === 'assigned' || e.kind === 'taken') {
        expect(e.old_value).toEqual(s.routing);
        s.routing = e.new_value;
      } else if (e.kind === 'field_changed' && e.field === 'postponedUntil') {
        expect(e.old_value).toBe(s.postponedUntil);
        s.postponedUntil = e.new_value;
      }
    }
    expect(events.filter((e) => e.kind === 'status_changed').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.kind === 'assigned').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.kind === 'taken').length).toBeGreaterThan(0);
    const tickets = (await t.db.query(
      `SELECT id, status, assignee_id, group_id, postponed_until FROM tickets`,
    )) as {
      id: string;
      status: string;
      assignee_id: string | null;
      group_id: string | null;
      postponed_until: Date | null;
    }[];
    for (const tk of tickets) {
      expect(state.get(tk.id)).toEqual({
        status: tk.status,
        routing: { assigneeId: tk.assignee_id, groupId: tk.group_id },
        postponedUntil: tk.postponed_until?.toISOString() ?? null,
      });
    }
    expect(
      await count(`ticket_events e JOIN tickets tk ON tk.id = e.ticket_id
                   WHERE e.created_at > tk.updated_at + interval '1 millisecond'`),
    ).toBe(0);
  });

  it('installs the HappyDesk and Pythagoras presets, with a type and tickets each', async () => {
    const admin = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: DEMO_LOGINS[0].email, password: DEMO_PASSWORD });
    const workflows = await t
      .http()
      .get('/api/v1/workflows')
      .set('Authorization', `Bearer ${admin.body.accessToken}`);
    expect(workflows.status).toBe(200);
    const byKey = new Map(
      (workflows.body as (WorkflowSpec & { id: string })[]).map((w) => [w.key, w]),
    );
    expect([...byKey.keys()].sort()).toEqual(['happydesk', 'okdesk', 'pythagoras']);
    for (const preset of [OKDESK_PRESET, HAPPYDESK_PRESET, PYTHAGORAS_PRESET]) {
      const {
        id: _id,
        version: _version,
        ...spec
      } = byKey.get(preset.key)! as WorkflowSpec & {
        id: string;
        version: number;
      };
      expect(spec).toEqual(preset);
    }

    const types = (await t.db.query(
      `SELECT tt.key, tt.is_public, tt.default_priority, w.key AS workflow,
              (SELECT count(*)::int FROM tickets tk WHERE tk.type_id = tt.id) AS tickets
         FROM ticket_types tt JOIN workflows w ON w.id = tt.workflow_id
        WHERE w.key <> 'okdesk' ORDER BY tt.key`,
    )) as Record<string, unknown>[];
    expect(types).toEqual([
      {
        key: 'project_task',
        is_public: false,
        default_priority: 'normal',
        workflow: 'pythagoras',
        tickets: 3,
      },
      {
        key: 'website_issue',
        is_public: true,
        default_priority: 'high',
        workflow: 'happydesk',
        tickets: 3,
      },
    ]);
    // Two wait in New to show the automatic transitions on assignment: a customer's HappyDesk
    // ticket nobody has taken yet, and a project task its manager (an agent) can hand over.
    expect(
      await t.db.query(
        `SELECT w.key AS workflow, tk.assignee_id = p.manager_id AS "toManager",
                tk.assignee_id IS NULL AS unassigned, pu.role AS "managerRole",
                (SELECT count(*)::int FROM project_members pm JOIN users u ON u.id = pm.user_id
                  WHERE pm.project_id = p.id AND u.role <> 'client') AS "staffMembers"
           FROM tickets tk JOIN workflows w ON w.id = tk.workflow_id
           LEFT JOIN projects p ON p.id = tk.project_id LEFT JOIN users pu ON pu.id = p.manager_id
          WHERE w.key <> 'okdesk' AND tk.status = 'new' ORDER BY w.key`,
      ),
    ).toEqual([
      {
        workflow: 'happydesk',
        toManager: null,
        unassigned: true,
        managerRole: null,
        staffMembers: 0,
      },
      {
        workflow: 'pythagoras',
        toManager: true,
        unassigned: false,
        managerRole: 'agent',
        staffMembers: 2,
      },
    ]);
    // Project tasks sit in the demo project, addressed to (or handed on by) its manager.
    expect(
      await count(`tickets tk JOIN ticket_types tt ON tt.id = tk.type_id
                    LEFT JOIN projects p ON p.id = tk.project_id
                   WHERE tt.key = 'project_task' AND p.id IS NULL`),
    ).toBe(0);
    expect(
      await count(`tickets WHERE status = 'fixed'
                     AND next_timer_at = status_changed_at + interval '48 hours'`),
    ).toBe(1);
    expect(
      await count(
        `tickets WHERE next_timer_at IS NOT NULL AND status NOT IN ('fixed', 'needs_clarification')`,
      ),
    ).toBe(0);
  });

  it('has contracts, service objects and equipment for both client organizations, each client seeing their own', async () => {
    const token = async (email: string) => {
      const u = await one<{ id: string }>(t.db, 'SELECT id FROM users WHERE email = $1', [email]);
      return `Bearer ${await t.tokenFor(u.id)}`;
    };
    const read = async (auth: string, path: string) => {
      const res = await t.http().get(`/api/v1/${path}`).set('Authorization', auth);
      expect(res.status).toBe(200);
      return (res.body as { items: Record<string, unknown>[] }).items;
    };
    const sergey = await token('s.petrov@agro-yuzhny.example');
    const petr = await token('petr.novak@zahradnictvi-novak.example');
    // The seed dates contracts from the database's now; read them at that time.
    const before = t.clock.now();
    t.clock.set((await one<{ now: Date }>(t.db, 'SELECT now() AS now')).now);
    const yuzhnyContracts = await read(sergey, 'contracts');
    expect(yuzhnyContracts.map((c) => [c.number, c.status])).toEqual([
      ['СО-088/2024', 'expired'],
      ['СО-117/2025', 'active'],
    ]);
    expect(yuzhnyContracts.some((c) => 'billingNotes' in c)).toBe(false);
    expect((await read(petr, 'contracts')).map((c) => c.number)).toEqual(['SS-2025/08']);
    const yuzhnyItems = await read(sergey, 'equipment-items');
    expect(yuzhnyItems.map((i) => i.serialNumber).sort()).toEqual(
      ['PRV-24-00317', 'VX3-7781-2023', 'WG20-55120'].sort(),
    );
    // The burner's service code is staff-only; the controller's firmware is for clients too.
    expect(yuzhnyItems.find((i) => i.serialNumber === 'WG20-55120')?.customFields).toEqual({});
    expect(yuzhnyItems.find((i) => i.serialNumber === 'PRV-24-00317')?.customFields).toMatchObject({
      firmware: '9.4.2',
    });
    expect((await read(petr, 'equipment-items')).map((i) => i.serialNumber)).toEqual([
      'HGD-iSii-2291',
    ]);
    expect((await read(petr, 'service-objects')).map((o) => o.name)).toEqual(['Skleník A']);
    const types = await read(sergey, 'equipment-types');
    const boiler = types.find((x) => String(x.name).startsWith('Boiler')) as {
      fields: { name: { en: string; ru: string; cs: string } }[];
    };
    expect(boiler.fields[0].name).toEqual({
      en: 'Power, kW',
      ru: 'Мощность, кВт',
      cs: 'Výkon, kW',
    });
    expect(await count('contracts')).toBe(3);
    expect(await count('equipment_items WHERE parent_id IS NOT NULL')).toBe(1);

    // An Okdesk-style ticket with all its links (issue 18): contact, site, equipment under
    // warranty, contract, and logged work the client reads in the portal (the demo allows it).
    const linked = await one<Record<string, unknown>>(
      t.db,
      `SELECT tk.id, r.email AS requester, so.name AS site, e.serial_number AS serial,
              c.number AS contract, tk.warranty, so.contact_id = tk.requester_id AS "siteContact"
         FROM tickets tk JOIN users r ON r.id = tk.requester_id
         JOIN service_objects so ON so.id = tk.service_object_id
         JOIN equipment_items e ON e.id = tk.equipment_id AND e.service_object_id = so.id
         JOIN contracts c ON c.id = tk.contract_id AND c.organization_id = tk.organization_id
        WHERE tk.status = 'closed' AND e.warranty_until >= tk.created_at::date`,
    );
    expect(linked).toMatchObject({
      requester: 's.petrov@agro-yuzhny.example',
      site: 'Тепличный блок № 3',
      serial: 'PRV-24-00317',
      contract: 'СО-117/2025',
      warranty: true,
      siteContact: true,
    });
    const work = await t
      .http()
      .get(`/api/v1/tickets/${String(linked.id)}/work-entries`)
      .set('Authorization', sergey);
    expect(work.status).toBe(200);
    const entries = work.body.items as { kind: string; billingItem: { unit: string } | null }[];
    // Its protocol prints in Russian with the demo company as the provider and the billed work.
    const pdf = await t
      .http()
      .get(`/api/v1/tickets/${String(linked.id)}/protocol?lang=ru`)
      .set('Authorization', await token('admin@relaydesk.local'))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    const printed = (await pdfParse(pdf.body as Buffer)).text.replace(/\s+/g, ' ');
    for (const text of ['ООО «АгроКлимат Сервис»', 'Тепличная, 12, блок 3', 'PRV-24-00317']) {
      expect(printed).toContain(text);
    }
    expect(printed).toContain('СО-117/2025');
    expect(printed).toContain('Калибровка контура');
    expect(printed).not.toContain('Согласование замены датчика');
    expect(entries.map((e) => [e.kind, e.billingItem?.unit]).sort()).toEqual([
      ['billable', 'h'],
      ['billable', 'km'],
      ['warranty', 'h'],
    ]);
    t.clock.set(before);
  });

  it('has alert rules: a Zabbix alert from a Yuzhny greenhouse controller goes to L2 for Yuzhny and its recovery resolves it', async () => {
    const token = await createServiceToken(t, { scopes: ['alerts:write'] });
    const post = (status: string) =>
      t.http().post('/api/v1/integrations/alerts').set('Authorization', `Bearer ${token}`).send({
        event_id: '4242',
        status,
        trigger_name: 'Temperature in block 3 above 35 °C',
        severity: 'High',
        host: 'gh-yuzhny-3',
      });
    const fired = await post('PROBLEM');
    expect(fired.status).toBe(200);
    const row = await one(
      t.db,
      `SELECT o.name AS org, g.name AS "group", t.priority, t.channel
         FROM tickets t JOIN organizations o ON o.id = t.organization_id
         JOIN groups g ON g.id = t.group_id
        WHERE t.id = $1`,
      [fired.body.alerts[0].ticketId],
    );
    expect(row).toEqual({
      org: 'АО «Агрокомбинат Южный»',
      group: 'L2 engineering',
      priority: 'high',
      channel: 'monitoring',
    });
    const resolved = await post('RESOLVED');
    expect(resolved.body.alerts[0]).toMatchObject({ outcome: 'resolved', transitioned: true });
  });

  it('does not seed again on the next start', async () => {
    const before = await counts(t.db);
    const again = await seedOnFirstStart(t.db, { ...t.config, demoData: true });
    expect(again.logins).toEqual(DEMO_LOGINS);
    expect(await counts(t.db)).toEqual(before);
  });

  // Last: it files a ticket, which the counts above must not see.
  it('answers a client’s new ticket with the matching article (the automatic answer is on)', async () => {
    const sergey = await one<{ id: string; locale: string }>(
      t.db,
      'SELECT id, locale FROM users WHERE email = $1',
      ['s.petrov@agro-yuzhny.example'],
    );
    const auth = `Bearer ${await t.tokenFor(sergey.id)}`;
    const created = await t.http().post('/api/v1/tickets').set('Authorization', auth).send({
      subject: 'Датчик влажности показывает 100%',
      description: 'Humidity sensor shows 100% / čidlo vlhkosti ukazuje 100 % since morning',
    });
    expect(created.status).toBe(201);
    const res = await t
      .http()
      .get(`/api/v1/tickets/${created.body.id}/kb-suggestions`)
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    // One article of the translation group, in his own language.
    const items = res.body.items as { title: string; language: string }[];
    expect(items).toHaveLength(1);
    expect(items[0].language).toBe(sergey.locale);
    expect(['Датчик влажности показывает 100%', 'The humidity sensor shows 100%']).toContain(
      items[0].title,
    );
  });
});

describe('seed on first start: production admin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates exactly one admin from the configuration, once', async () => {
    expect(await counts(t.db)).toMatchObject({ users: 0, tickets: 0 });
    const config = {
      ...t.config,
      demoData: false,
      adminEmail: 'owner@example.test',
      adminPassword: 'first-admin-password',
    };
    expect(await seedOnFirstStart(t.db, config)).toEqual({ logins: [] });
    expect(await counts(t.db)).toMatchObject({ users: 1, admins: 1, tickets: 0, organizations: 0 });

    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'owner@example.test', password: 'first-admin-password' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'owner@example.test', role: 'admin' });

    // A restart, even with other credentials in the environment, adds no second admin.
    expect(await seedOnFirstStart(t.db, config)).toEqual({ logins: [] });
    await seedOnFirstStart(t.db, { ...config, adminEmail: 'other@example.test' });
    expect(await counts(t.db)).toMatchObject({ users: 1, admins: 1 });
    const bad = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: DEMO_LOGINS[0].email, password: DEMO_PASSWORD });
    expect(bad.status).toBe(401);
  });
});
