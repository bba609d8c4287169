import { ROLE_PERMISSIONS, Permission, type Role } from '@relaydesk/contracts';
import { MailIngestService } from '../src/modules/intake/mail-in/ingest/mail-ingest.service';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type Persona, type World } from './support/personas';

type Item = { id: string };

/**
 * Issue 16, items 4, 7 and 10: the PayDox queues. "For user" and "For department" (who may list
 * them, open by default with a switch), Undistributed beside Unassigned (per role, counts equal
 * to lists), and a client's new ticket needing a reply until staff answer publicly.
 */
describe('PayDox queues', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const get = (who: { token: string }, path: string) =>
    t.http().get(path).set('Authorization', bearer(who));
  const list = async (who: { token: string }, query: string): Promise<string[]> => {
    const res = await get(who, `/api/v1/tickets?limit=200&${query}`);
    expect({ query, status: res.status }).toEqual({ query, status: 200 });
    return (res.body.items as Item[]).map((i) => i.id).sort();
  };
  const persona = async (seed: Parameters<TestApp['factory']['user']>[0]): Promise<Persona> => {
    const u = await t.factory.user(seed);
    return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
  };

  describe('For user and For department (item 4)', () => {
    let subDepartment: { id: string };
    let otherDepartment: { id: string };
    let subMember: Persona;
    let outsider: Persona;
    let canViewAll: Persona;
    let memberOpen: { id: string };
    let memberClosed: { id: string };
    let subOpen: { id: string };
    let outsiderOpen: { id: string };
    beforeAll(async () => {
      // Head > Service (w.department) > Workshop (subDepartment); Sales is someone else's.
      subDepartment = await t.factory.department('Workshop', null, w.department.id);
      otherDepartment = await t.factory.department('Sales');
      subMember = await persona({
        role: 'agent',
        name: 'Workshop fitter',
        departmentId: subDepartment.id,
      });
      outsider = await persona({
        role: 'agent',
        name: 'Sales agent',
        departmentId: otherDepartment.id,
      });
      canViewAll = await persona({ role: 'agent', name: 'Sees all', canViewAll: true });
      memberOpen = await t.factory.ticket({
        assigneeId: w.departmentMember.id,
        status: 'in_progress',
      });
      memberClosed = await t.factory.ticket({
        assigneeId: w.departmentMember.id,
        status: 'closed',
      });
      subOpen = await t.factory.ticket({ assigneeId: subMember.id, status: 'open' });
      outsiderOpen = await t.factory.ticket({ assigneeId: outsider.id, status: 'open' });
    });

    const byDept = (id: string, state = '') =>
      `view=by_department&departmentId=${id}${state ? `&state=${state}` : ''}`;
    const byUser = (id: string, state = '') =>
      `view=by_user&userId=${id}${state ? `&state=${state}` : ''}`;

    it('lists open tickets by default, closed ones or all by the switch', async () => {
      expect(await list(w.admin, byUser(w.departmentMember.id))).toEqual([memberOpen.id]);
      expect(await list(w.admin, byUser(w.departmentMember.id, 'closed'))).toEqual([
        memberClosed.id,
      ]);
      expect(await list(w.admin, byUser(w.departmentMember.id, 'all'))).toEqual(
        [memberOpen.id, memberClosed.id].sort(),
      );
      // Exact lists: a closed ticket or one from outside the tree would fail them.
      expect(await list(w.admin, byDept(w.department.id))).toEqual(
        [memberOpen.id, subOpen.id].sort(),
      );
      expect(await list(w.admin, byDept(w.department.id, 'closed'))).toEqual([memberClosed.id]);
      // The switch belongs to these two views only.
      const stray = await get(w.admin, '/api/v1/tickets?view=open&state=closed');
      expect(stray.status).toBe(400);
      expect(stray.body.errors).toEqual([expect.objectContaining({ field: 'state' })]);
      const bad = await get(w.admin, `/api/v1/tickets?${byUser(w.agent.id, 'done')}`);
      expect(bad.status).toBe(400);
    });

    it('shows a department head their whole department tree, and nothing outside it', async () => {
      const head = w.departmentHead;
      expect(await list(head, byDept(w.department.id))).toEqual([memberOpen.id, subOpen.id].sort());
      expect(await list(head, byDept(subDepartment.id))).toEqual([subOpen.id]);
      expect(await list(head, byUser(subMember.id))).toEqual([subOpen.id]);
      expect(await list(head, byUser(w.departmentMember.id, 'closed'))).toEqual([memberClosed.id]);
      for (const query of [byDept(otherDepartment.id), byUser(outsider.id), byUser(w.agent.id)]) {
        const res = await get(head, `/api/v1/tickets?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 403 });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });

    it('lets dispatchers (by tickets.view-by-user), canViewAll staff and admins list anyone', async () => {
      for (const who of [w.dispatcher, canViewAll, w.admin]) {
        expect(await list(who, byUser(outsider.id))).toEqual([outsiderOpen.id]);
        expect(await list(who, byDept(subDepartment.id))).toEqual([subOpen.id]);
      }
    });

    it('is a 403 for everyone else, themselves included; a staff queue (400) for clients', async () => {
      for (const query of [
        byUser(w.departmentMember.id),
        byUser(w.agent.id),
        byDept(w.department.id),
      ]) {
        const res = await get(w.agent, `/api/v1/tickets?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 403 });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect((await get(w.clientA, `/api/v1/tickets?${query}`)).status).toBe(400);
      }
    });

    it('asks the permission, not the role: a dispatcher without tickets.view-by-user gets 403', async () => {
      // Roles map to permissions in one table (contracts); the check must read that table.
      const table = ROLE_PERMISSIONS as Record<Role, readonly Permission[]>;
      const granted = table.dispatcher;
      table.dispatcher = granted.filter((p) => p !== Permission.TicketsViewByUser);
      try {
        expect((await get(w.dispatcher, `/api/v1/tickets?${byUser(outsider.id)}`)).status).toBe(
          403,
        );
        expect((await get(w.dispatcher, `/api/v1/tickets?${byDept(w.department.id)}`)).status).toBe(
          403,
        );
        const agents = table.agent;
        table.agent = [...agents, Permission.TicketsViewByUser];
        try {
          // An agent granted it lists anyone, within what the agent sees.
          expect((await get(w.agent, `/api/v1/tickets?${byUser(outsider.id)}`)).status).toBe(200);
        } finally {
          table.agent = agents;
        }
      } finally {
        table.dispatcher = granted;
      }
      expect((await get(w.dispatcher, `/api/v1/tickets?${byUser(outsider.id)}`)).status).toBe(200);
    });

    it('offers the head pickers limited to their tree (subtreeOf)', async () => {
      const users = await get(
        w.departmentHead,
        `/api/v1/users?subtreeOf=${w.department.id}&limit=100`,
      );
      expect(users.status).toBe(200);
      const userIds = (users.body.items as Item[]).map((u) => u.id);
      expect(userIds).toEqual(
        expect.arrayContaining([w.departmentHead.id, w.departmentMember.id, subMember.id]),
      );
      expect(userIds).not.toContain(outsider.id);
      const depts = await get(
        w.departmentHead,
        `/api/v1/departments?subtreeOf=${w.department.id}&limit=100`,
      );
      expect((depts.body.items as Item[]).map((d) => d.id).sort()).toEqual(
        [w.department.id, subDepartment.id].sort(),
      );
      // One field definition for both lists: a bad id or too many roots is a 400 on each.
      const many = Array.from({ length: 21 }, () => w.department.id).join(',');
      for (const list of ['users', 'departments']) {
        for (const bad of ['nope', `${w.department.id},nope`, many]) {
          const res = await get(w.admin, `/api/v1/${list}?subtreeOf=${bad}`);
          expect({ list, bad, status: res.status }).toEqual({ list, bad, status: 400 });
        }
      }
      const twenty = Array.from({ length: 20 }, () => w.department.id).join(',');
      expect((await get(w.admin, `/api/v1/departments?subtreeOf=${twenty}`)).status).toBe(200);
    });
  });

  describe('Undistributed and Unassigned (item 7)', () => {
    let undistributed: { id: string };
    let inMyGroup: { id: string };
    let inOtherGroup: { id: string };
    let assigned: { id: string };
    let undistributedClosed: { id: string };
    beforeAll(async () => {
      undistributed = await t.factory.ticket({ subject: 'nobody has it' });
      inMyGroup = await t.factory.ticket({ groupId: w.group.id });
      inOtherGroup = await t.factory.ticket({ groupId: w.otherGroup.id });
      assigned = await t.factory.ticket({ assigneeId: w.agent.id });
      undistributedClosed = await t.factory.ticket({ status: 'closed' });
    });
    const counts = async (who: Persona) => {
      const res = await get(who, '/api/v1/tickets/counts');
      expect(res.status).toBe(200);
      return res.body as Record<string, number>;
    };

    it('dispatchers and admins: Undistributed has no group and no assignee; Unassigned every unassigned ticket', async () => {
      for (const who of [w.dispatcher, w.admin]) {
        const und = await list(who, 'view=undistributed');
        expect(und).toContain(undistributed.id);
        for (const id of [inMyGroup.id, inOtherGroup.id, assigned.id, undistributedClosed.id]) {
          expect(und).not.toContain(id);
        }
        const un = await list(who, 'view=unassigned');
        expect(un).toEqual(
          expect.arrayContaining([undistributed.id, inMyGroup.id, inOtherGroup.id]),
        );
        expect(un).not.toContain(assigned.id);
        const c = await counts(who);
        expect(c.undistributed).toBe(und.length);
        expect(c.unassigned).toBe(un.length);
      }
    });

    it('agents: Unassigned holds only their groups’ tickets, and Undistributed is not theirs (403, not counted)', async () => {
      expect(await list(w.agent, 'view=unassigned')).toEqual([inMyGroup.id]);
      expect(await list(w.otherAgent, 'view=unassigned')).toEqual([inOtherGroup.id]);
      const both = await persona({ role: 'agent', name: 'In both groups' });
      for (const g of [w.group, w.otherGroup]) {
        await t.db.query('INSERT INTO group_members (group_id, user_id) VALUES ($1, $2)', [
          g.id,
          both.id,
        ]);
      }
      expect(await list(both, 'view=unassigned')).toEqual([inMyGroup.id, inOtherGroup.id].sort());
      expect((await counts(both)).unassigned).toBe(2);
      // A head without groups waits for nothing in Unassigned.
      expect(await list(w.departmentHead, 'view=unassigned')).toEqual([]);
      const c = await counts(w.agent);
      expect(c.unassigned).toBe(1);
      expect(c).not.toHaveProperty('undistributed');
      const res = await get(w.agent, '/api/v1/tickets?view=undistributed');
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await get(w.clientA, '/api/v1/tickets?view=undistributed')).status).toBe(400);
      expect(await counts(w.clientA)).not.toHaveProperty('undistributed');
    });

    it('searches within Undistributed', async () => {
      expect(await list(w.dispatcher, 'view=undistributed&q=nobody')).toEqual([undistributed.id]);
    });

    it('a ticket leaves Undistributed once a group gets it, and enters that group’s Unassigned', async () => {
      const tk = await t.factory.ticket({ subject: 'to distribute' });
      const res = await t
        .http()
        .post(`/api/v1/tickets/${tk.id}/assignment`)
        .set('Authorization', bearer(w.dispatcher))
        .send({ version: tk.version, groupId: w.group.id, assigneeId: null });
      expect(res.status).toBe(200);
      expect(await list(w.dispatcher, 'view=undistributed')).not.toContain(tk.id);
      expect(await list(w.agent, 'view=unassigned')).toContain(tk.id);
    });
  });

  describe('a client’s new ticket needs a reply (item 10)', () => {
    const needsReply = async (id: string): Promise<boolean> =>
      (
        (await t.db.query('SELECT needs_reply FROM tickets WHERE id = $1', [id])) as {
          needs_reply: boolean;
        }[]
      )[0].needs_reply;
    const comment = (who: Persona, id: string, body: string, internal: boolean) =>
      t
        .http()
        .post(`/api/v1/tickets/${id}/comments`)
        .set('Authorization', bearer(who))
        .send({ body, internal });

    it('from the portal: set at once, kept by an internal note, cleared by a public reply', async () => {
      const res = await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', bearer(w.clientA))
        .send({ subject: 'The boiler is cold', description: 'Since this morning.' });
      expect(res.status).toBe(201);
      const id = res.body.id as string;
      expect(await needsReply(id)).toBe(true);
      expect(await list(w.admin, 'view=needs_reply')).toContain(id);
      expect((await counts(w.admin)).needsReply).toBe(
        (await list(w.admin, 'view=needs_reply')).length,
      );

      expect((await comment(w.admin, id, 'Checking the burner log', true)).status).toBe(201);
      expect(await needsReply(id)).toBe(true);
      expect((await comment(w.admin, id, 'An engineer is on the way', false)).status).toBe(201);
      expect(await needsReply(id)).toBe(false);
      expect(await list(w.admin, 'view=needs_reply')).not.toContain(id);
    });

    it('filed by staff: for a client requester yes, for staff or nobody no', async () => {
      const file = async (requesterId?: string) => {
        const res = await t
          .http()
          .post('/api/v1/tickets')
          .set('Authorization', bearer(w.agent))
          .send({
            subject: 'By phone',
            organizationId: w.orgA.id,
            ...(requesterId ? { requesterId } : {}),
          });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      expect(await needsReply(await file(w.clientA.id))).toBe(true);
      expect(await needsReply(await file(w.agent.id))).toBe(false);
      expect(await needsReply(await file())).toBe(false);
    });

    it('by e-mail from a client contact', async () => {
      const raw = Buffer.from(
        [
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=utf-8',
          'Date: Mon, 23 Nov 2026 11:00:00 +0000',
          `From: Client A <${w.clientA.email}>`,
          'To: support@helpdesk.test',
          'Subject: Vent motor hums',
          'Message-ID: <needs-reply-1@client.example.test>',
          '',
          'It hums and does not turn.',
          '',
        ].join('\r\n'),
      );
      const out = await t.app.get(MailIngestService).ingest({ kind: 'http', mailboxId: null }, raw);
      expect(out.result).toBe('created');
      const [row] = (await t.db.query('SELECT channel, needs_reply FROM tickets WHERE id = $1', [
        out.ticketId,
      ])) as { channel: string; needs_reply: boolean }[];
      expect(row).toEqual({ channel: 'email', needs_reply: true });
    });

    it('by the web form from a known contact filed at once', async () => {
      const adminAuth = bearer(w.admin);
      const [type] = (await t.db.query(
        `INSERT INTO ticket_types (key, name, is_public, workflow_id)
         SELECT 'nr-question', '{"en":"Question"}', true, workflow_id FROM ticket_types
          WHERE key = 'microclimate' RETURNING id`,
      )) as { id: string }[];
      const current = await t.http().get('/api/v1/admin/web-form').set('Authorization', adminAuth);
      const put = await t
        .http()
        .put('/api/v1/admin/web-form')
        .set('Authorization', adminAuth)
        .send({
          version: current.body.version,
          enabled: true,
          typeIds: [type.id],
          knownContactImmediate: true,
          minFillSeconds: 3,
          maxPerIpPerHour: 1000,
          maxPerAddressPerHour: 100,
        });
      expect(put.status).toBe(200);
      const form = await t.http().get('/api/v1/web-form');
      t.clock.advance(10_000);
      const res = await t.http().post('/api/v1/web-form/submissions').send({
        email: w.clientA.email,
        name: 'Client A',
        subject: 'Web form: the sensor reads zero',
        description: 'Block 3 humidity sensor.',
        typeId: type.id,
        formToken: form.body.formToken,
      });
      expect(res.status).toBe(202);
      const rows = (await t.db.query(
        `SELECT channel, needs_reply FROM tickets WHERE subject = 'Web form: the sensor reads zero'`,
      )) as { channel: string; needs_reply: boolean }[];
      expect(rows).toEqual([{ channel: 'web_form', needs_reply: true }]);
    });

    const counts = async (who: Persona) =>
      (await get(who, '/api/v1/tickets/counts')).body as Record<string, number>;
  });

  // Last: its unassigned ticket would count in the Undistributed checks above.
  describe('a department head in scope own (review F5)', () => {
    // Region > Field office (headed) > Field north; Warehouse is Field office's sibling.
    let head: Persona;
    let fieldMember: Persona;
    let northMember: Persona;
    let field: { id: string };
    let north: { id: string };
    let warehouse: { id: string };
    let headsOwn: { id: string };
    let fieldTicket: { id: string };
    let northTicket: { id: string };
    let siblingTicket: { id: string };
    let unassigned: { id: string };
    beforeAll(async () => {
      const region = await t.factory.department('Region');
      head = await persona({ role: 'agent', name: 'Field head', visibilityScope: 'own' });
      field = await t.factory.department('Field office', head.id, region.id);
      north = await t.factory.department('Field north', null, field.id);
      warehouse = await t.factory.department('Warehouse', null, region.id);
      await t.db.query('UPDATE users SET department_id = $1 WHERE id = $2', [field.id, head.id]);
      // A plain member in scope own: the grant is the headship, not the department.
      fieldMember = await persona({
        role: 'agent',
        name: 'Field fitter',
        departmentId: field.id,
        visibilityScope: 'own',
      });
      northMember = await persona({ role: 'agent', name: 'North fitter', departmentId: north.id });
      const warehouseMember = await persona({
        role: 'agent',
        name: 'Storekeeper',
        departmentId: warehouse.id,
      });
      const file = (subject: string, seed: Parameters<TestApp['factory']['ticket']>[0]) =>
        t.factory.ticket({ subject: `fieldword ${subject}`, status: 'open', ...seed });
      headsOwn = await file('head', { assigneeId: head.id });
      fieldTicket = await file('field', { assigneeId: fieldMember.id });
      northTicket = await file('north', { requesterId: northMember.id });
      siblingTicket = await file('sibling', { assigneeId: warehouseMember.id });
      // Scope groups would show it (every unassigned ticket); own does not.
      unassigned = await file('unassigned', {});
    });

    const tree = () => [headsOwn.id, fieldTicket.id, northTicket.id].sort();

    it('sees the department tree in the list, search and counts, and nothing else', async () => {
      expect(await list(head, '')).toEqual(tree());
      expect(await list(head, 'q=fieldword')).toEqual(tree());
      expect((await get(head, '/api/v1/tickets/counts')).body.open).toBe(3);
      // The same tickets under a wider scope: the unassigned one joins them.
      expect(await list(w.admin, 'q=fieldword')).toEqual(
        [...tree(), siblingTicket.id, unassigned.id].sort(),
      );
    });

    it('opens a sub-department’s ticket; a sibling department’s is a 404', async () => {
      expect((await get(head, `/api/v1/tickets/${northTicket.id}`)).status).toBe(200);
      for (const id of [siblingTicket.id, unassigned.id]) {
        const res = await get(head, `/api/v1/tickets/${id}`);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });

    it('gets For department and For user filled for their tree, 403 outside it', async () => {
      const byDept = (id: string) => `view=by_department&departmentId=${id}`;
      expect(await list(head, byDept(field.id))).toEqual(tree());
      expect(await list(head, byDept(north.id))).toEqual([northTicket.id]);
      expect(await list(head, `view=by_user&userId=${northMember.id}`)).toEqual([northTicket.id]);
      expect(await list(head, `view=by_user&userId=${fieldMember.id}`)).toEqual([fieldTicket.id]);
      expect((await get(head, `/api/v1/tickets?${byDept(warehouse.id)}`)).status).toBe(403);
    });

    it('a member in scope own who heads nothing still sees only their own work', async () => {
      expect(await list(fieldMember, '')).toEqual([fieldTicket.id]);
      expect(await list(fieldMember, 'q=fieldword')).toEqual([fieldTicket.id]);
      expect((await get(fieldMember, '/api/v1/tickets/counts')).body.open).toBe(1);
      for (const id of [headsOwn.id, northTicket.id, siblingTicket.id]) {
        expect((await get(fieldMember, `/api/v1/tickets/${id}`)).status).toBe(404);
      }
    });
  });
});
