import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorkflowFixture } from './support/workflow-fixture';

/**
 * The requester's own moves (issue 16, item 14), as the portal makes them: the transitions API
 * offers a client exactly the workflow's requester transitions of their own ticket, with what
 * each requires; it refuses staff moves (409) and other people's tickets (404), and a move that
 * lacks its comment or a required field is a 422 naming each field, until the client fills the
 * field (a client-editable one) and writes the comment.
 */
describe('requester transitions (the portal buttons)', () => {
  let t: TestApp;
  let w: World;
  let typeKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    let typeId: string;
    ({ typeKey, typeId } = await createWorkflowFixture(t.db, {
      statuses: [
        { key: 'new', category: 'new', initial: true },
        { key: 'solving', category: 'open' },
        { key: 'returned', category: 'pending' },
        { key: 'done', category: 'resolved' },
        { key: 'closed', category: 'closed', final: true },
      ],
      transitions: [
        { from: 'new', to: 'solving' },
        { from: 'solving', to: 'returned', comment: true },
        { from: 'solving', to: 'done' },
        // Pythagoras: the submitter completes a returned request and resubmits it (with what was
        // missing), or closes it; staff may resubmit too.
        {
          from: 'returned',
          to: 'solving',
          requester: true,
          comment: true,
          fields: ['custom:order_no'],
        },
        { from: 'returned', to: 'closed', roles: [], requester: true },
        { from: 'done', to: 'closed', roles: [], requester: true },
      ],
    }));
    await t.db.query(
      `INSERT INTO ticket_type_fields (type_id, key, name, kind, client_visible, client_editable)
       VALUES ($1, 'order_no', '{"en":"Order number"}', 'text', true, true)`,
      [typeId],
    );
  });
  afterAll(() => t.close());

  const api = (who: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
  });
  const returned = () =>
    t.factory.ticket({
      typeKey,
      status: 'returned',
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
    });

  it('offers the requester only their own moves, with the comment and the missing field', async () => {
    const tk = await returned();
    const offered = await api(w.clientA).get(`/tickets/${tk.id}/transitions`);
    expect(offered.status).toBe(200);
    expect(offered.body).toEqual([
      expect.objectContaining({
        to: 'solving',
        category: 'open',
        commentRequired: true,
        requiredFields: ['custom:order_no'],
        missingFields: ['custom:order_no'],
      }),
      expect.objectContaining({ to: 'closed', category: 'closed', commentRequired: false }),
    ]);
    // Staff see the staff moves, not the submitter-only close.
    const staff = await api(w.dispatcher).get(`/tickets/${tk.id}/transitions`);
    expect(staff.body.map((o: { to: string }) => o.to)).toEqual(['solving']);
    // Nobody else's client is offered anything: the ticket is not theirs to see.
    expect((await api(w.clientB).get(`/tickets/${tk.id}/transitions`)).status).toBe(404);
    expect((await api(w.clientA2).get(`/tickets/${tk.id}/transitions`)).status).toBe(404);
  });

  it('refuses a staff move (409) and a stranger (404), and changes nothing', async () => {
    const tk = await returned();
    const staffMove = await api(w.clientA).post(`/tickets/${tk.id}/transitions`, {
      to: 'done',
      version: tk.version,
    });
    expect(staffMove.status).toBe(409);
    expect(staffMove.body.allowedTransitions).toEqual(['solving', 'closed']);
    const stranger = await api(w.clientB).post(`/tickets/${tk.id}/transitions`, {
      to: 'closed',
      version: tk.version,
    });
    expect(stranger.status).toBe(404);
    const [row] = await t.db.query('SELECT status, version FROM tickets WHERE id = $1', [tk.id]);
    expect(row).toEqual({ status: 'returned', version: tk.version });
  });

  it('a resubmission without its comment and field is a 422 naming both; filled, it goes through', async () => {
    const tk = await returned();
    const bare = await api(w.clientA).post(`/tickets/${tk.id}/transitions`, {
      to: 'solving',
      version: tk.version,
    });
    expect(bare.status).toBe(422);
    expect(bare.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bare.body.errors).toEqual([
      { field: 'comment', message: 'is required for this transition' },
      { field: 'custom:order_no', message: 'must be filled before this transition' },
    ]);

    // The portal fills the field first (the client may edit it), then moves.
    const filled = await api(w.clientA).patch(`/tickets/${tk.id}`, {
      version: tk.version,
      customFields: { order_no: 'PO-4471' },
    });
    expect(filled.status).toBe(200);
    const offered = await api(w.clientA).get(`/tickets/${tk.id}/transitions`);
    expect(offered.body[0]).toMatchObject({ to: 'solving', missingFields: [] });
    const moved = await api(w.clientA).post(`/tickets/${tk.id}/transitions`, {
      to: 'solving',
      version: filled.body.version,
      comment: 'The order number is PO-4471',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'solving', statusCategory: 'open' });
    const comments = await api(w.clientA).get(`/tickets/${tk.id}/comments`);
    expect(comments.body.items).toEqual([
      expect.objectContaining({ body: 'The order number is PO-4471', internal: false }),
    ]);
    // Solving offers the client nothing.
    expect((await api(w.clientA).get(`/tickets/${tk.id}/transitions`)).body).toEqual([]);
  });

  it('the submitter closes a returned request without a comment', async () => {
    const tk = await returned();
    const closed = await api(w.clientA).post(`/tickets/${tk.id}/transitions`, {
      to: 'closed',
      version: tk.version,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', statusCategory: 'closed' });
  });
});
