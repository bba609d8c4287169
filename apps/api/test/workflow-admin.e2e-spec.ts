import { randomBytes } from 'node:crypto';
import { HAPPYDESK_PRESET } from '../src/modules/workflow/presets/happydesk.preset';
import { OKDESK_PRESET } from '../src/modules/workflow/presets/okdesk.preset';
import { PYTHAGORAS_PRESET } from '../src/modules/workflow/presets/pythagoras.preset';
import type { WorkflowPreset } from '../src/modules/workflow/presets/workflow-preset';
import type { WorkflowSpec } from '../src/modules/workflow/workflow-spec';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const uniq = () => randomBytes(4).toString('hex');
const HOUR = 3600_000;

/** A definition as GET returns it, less what the server assigns. */
function specOf(body: Record<string, unknown>): WorkflowSpec {
  const { id: _id, version: _version, ...spec } = body;
  return spec as unknown as WorkflowSpec;
}

/** A small valid workflow; tests break one thing at a time. */
function baseDefinition(key = `wf_${uniq()}`) {
  return {
    key,
    name: { en: 'Field service', ru: 'Выездной сервис', cs: 'Servis v terénu' },
    statuses: [
      { key: 'new', name: { en: 'New' }, category: 'new', isInitial: true },
      { key: 'working', name: { en: 'Working' }, category: 'open' },
      {
        key: 'parked',
        name: { en: 'Parked' },
        category: 'pending',
        pausesSla: true,
        postponeMaxDays: 14,
      },
      { key: 'done', name: { en: 'Done' }, category: 'resolved' },
      { key: 'closed', name: { en: 'Closed' }, category: 'closed', isFinal: true },
    ],
    transitions: [
      { from: 'new', to: 'working', allowedRoles: ['agent', 'dispatcher', 'admin'] },
      {
        from: 'working',
        to: 'parked',
        allowedRoles: ['agent'],
        requiresPostpone: true,
        requiredFields: ['assigneeId', 'custom:serial_no'],
      },
      { from: 'working', to: 'done', allowedRoles: ['agent'], allowAssignee: true },
      { from: 'done', to: 'closed', allowRequester: true, commentRequired: true },
    ],
    autoTransitions: [
      { status: 'done', trigger: 'after_time', afterSeconds: 3600, to: 'closed' },
      { status: 'parked', trigger: 'postpone_expired', to: 'working' },
    ],
  };
}
type Definition = ReturnType<typeof baseDefinition>;

/** Renames a status everywhere it is named, so only the new key itself can be wrong. */
function renameStatus(d: Definition, from: string, to: string): void {
  for (const s of d.statuses) if (s.key === from) s.key = to;
  for (const x of d.transitions) {
    if (x.from === from) x.from = to;
    if (x.to === from) x.to = to;
  }
  for (const a of d.autoTransitions) {
    if (a.status === from) a.status = to;
    if (a.to === from) a.to = to;
  }
}

describe('workflow administration', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const as = (p: Persona) => ({
    get: (path: string) => t.http().get(path).set('Authorization', bearer(p)),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('Authorization', bearer(p)).send(body),
    put: (path: string, body: object) =>
      t.http().put(path).set('Authorization', bearer(p)).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', bearer(p)),
  });
  const admin = () => as(w.admin);
  const query = async <T>(text: string, params: unknown[] = []) =>
    (await t.db.query(text, params)) as T[];

  /** Everything a workflow change may write, to compare before and after a refused one. */
  async function snapshot(workflowId: string) {
    return {
      workflow: await query(`SELECT key, name, version FROM workflows WHERE id = $1`, [workflowId]),
      statuses: await query(
        `SELECT key, category, position FROM workflow_statuses WHERE workflow_id = $1 ORDER BY position`,
        [workflowId],
      ),
      transitions: await query(
        `SELECT from_status, to_status FROM workflow_transitions WHERE workflow_id = $1 ORDER BY position`,
        [workflowId],
      ),
      timers: await query(
        `SELECT status_key, trigger, after_seconds FROM workflow_timers WHERE workflow_id = $1 ORDER BY 1, 2`,
        [workflowId],
      ),
      tickets: await query(
        `SELECT id, status, status_category, version, updated_at, next_timer_at FROM tickets
          WHERE workflow_id = $1 ORDER BY id`,
        [workflowId],
      ),
      events: await query(
        `SELECT count(*)::int AS n FROM ticket_events e JOIN tickets tk ON tk.id = e.ticket_id
          WHERE tk.workflow_id = $1`,
        [workflowId],
      ),
    };
  }

  async function create(def: object = baseDefinition()) {
    const res = await admin().post('/api/v1/workflows', def);
    expect(res.status).toBe(201);
    return res.body as Record<string, unknown> & { id: string; version: number };
  }

  /** A ticket type on the workflow, so factory.ticket can put tickets in it. */
  async function typeOn(workflowId: string): Promise<string> {
    const key = `type_${uniq()}`;
    await t.db.query(
      `INSERT INTO ticket_types (key, name, is_public, workflow_id) VALUES ($1, $2, true, $3)`,
      [key, JSON.stringify({ en: key }), workflowId],
    );
    return key;
  }

  describe('presets', () => {
    it('lists the three presets', async () => {
      const res = await admin().get('/api/v1/workflows/presets');
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { key: 'okdesk', name: OKDESK_PRESET.name, statusCount: 5 },
        { key: 'happydesk', name: HAPPYDESK_PRESET.name, statusCount: 7 },
        { key: 'pythagoras', name: PYTHAGORAS_PRESET.name, statusCount: 5 },
      ]);
    });

    it('the Okdesk preset is exactly the workflow the migration wrote', async () => {
      const [{ id }] = await query<{ id: string }>(`SELECT id FROM workflows WHERE key = 'okdesk'`);
      const res = await admin().get(`/api/v1/workflows/${id}`);
      expect(res.status).toBe(200);
      expect(specOf(res.body)).toEqual(OKDESK_PRESET);
    });

    it.each([
      ['happydesk', HAPPYDESK_PRESET],
      ['pythagoras', PYTHAGORAS_PRESET],
    ])('installs %s under its own key, as defined', async (key, preset: WorkflowPreset) => {
      const res = await admin().post(`/api/v1/workflows/presets/${key}/install`);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ key, version: 1 });
      expect(specOf(res.body)).toEqual(preset);
      const read = await admin().get(`/api/v1/workflows/${res.body.id}`);
      expect(read.body).toEqual(res.body);
      // The definition is what the engine reads, for all staff.
      const list = await as(w.agent).get('/api/v1/workflows');
      expect(list.body.map((x: { key: string }) => x.key)).toContain(key);
    });

    it('refuses a second install under a taken key (409) and installs a copy under another', async () => {
      const taken = await admin().post('/api/v1/workflows/presets/okdesk/install');
      expect(taken.status).toBe(409);
      expect(taken.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(taken.body.detail).toContain('okdesk');

      const name = { en: 'Okdesk (branch office)', ru: 'Okdesk (филиал)' };
      const copy = await admin().post('/api/v1/workflows/presets/okdesk/install', {
        key: 'okdesk_branch',
        name,
      });
      expect(copy.status).toBe(201);
      expect(specOf(copy.body)).toEqual({ ...OKDESK_PRESET, key: 'okdesk_branch', name });

      const again = await admin().post('/api/v1/workflows/presets/okdesk/install', {
        key: 'okdesk_branch',
      });
      expect(again.status).toBe(409);
      expect((await query(`SELECT 1 FROM workflows WHERE key = 'okdesk_branch'`)).length).toBe(1);
    });

    it('404 for an unknown preset, 422 for a bad key, 400 for unknown fields', async () => {
      expect((await admin().post('/api/v1/workflows/presets/jira/install')).status).toBe(404);
      const bad = await admin().post('/api/v1/workflows/presets/happydesk/install', {
        key: 'Happy Desk',
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors).toEqual([{ field: 'key', message: expect.any(String) }]);
      const unknown = await admin().post('/api/v1/workflows/presets/happydesk/install', {
        key: 'happy2',
        statuses: [],
      });
      expect(unknown.status).toBe(400);
    });
  });

  describe('create', () => {
    it('stores a full definition and fills in the defaults', async () => {
      const def = baseDefinition();
      const body = await create(def);
      expect(body.version).toBe(1);
      const spec = specOf(body);
      expect(spec.statuses[0]).toEqual({
        key: 'new',
        name: { en: 'New' },
        category: 'new',
        isInitial: true,
        isFinal: false,
        pausesSla: false,
        postponeMaxDays: null,
        readOnly: false,
      });
      expect(spec.statuses[2]).toMatchObject({ key: 'parked', postponeMaxDays: 14 });
      expect(spec.transitions[3]).toEqual({
        from: 'done',
        to: 'closed',
        allowedRoles: [],
        allowRequester: true,
        allowAssignee: false,
        requiresPostpone: false,
        commentRequired: true,
        requiredFields: [],
        requiresDuplicateOf: false,
      });
      expect(spec.transitions[1].requiredFields).toEqual(['assigneeId', 'custom:serial_no']);
      expect(spec.autoTransitions).toEqual([
        { status: 'done', trigger: 'after_time', afterSeconds: 3600, to: 'closed' },
        { status: 'parked', trigger: 'postpone_expired', afterSeconds: null, to: 'working' },
      ]);
    });

    it('409 when the key is taken', async () => {
      const res = await admin().post('/api/v1/workflows', baseDefinition('okdesk'));
      expect(res.status).toBe(409);
    });

    /** Each case breaks one rule; the 422 names exactly the offending fields. */
    const cases: [string, (d: Definition) => void, string[]][] = [
      [
        'a status key with a dash',
        (d) => renameStatus(d, 'working', 'in-work'),
        ['statuses[1].key'],
      ],
      [
        'a status key with capitals',
        (d) => renameStatus(d, 'parked', 'Parked'),
        ['statuses[2].key'],
      ],
      [
        'a renamed status that transitions still name',
        (d) => (d.statuses[1].key = 'Working'),
        [
          'statuses[1].key',
          'transitions[0].to',
          'transitions[1].from',
          'transitions[2].from',
          'autoTransitions[1].to',
        ],
      ],
      [
        'a duplicate status key',
        (d) => d.statuses.push({ key: 'working', name: { en: 'Again' }, category: 'open' }),
        ['statuses[5].key'],
      ],
      ['no initial status', (d) => (d.statuses[0].isInitial = false), ['statuses']],
      [
        'two initial statuses',
        (d) => Object.assign(d.statuses[1], { isInitial: true }),
        ['statuses'],
      ],
      [
        'a final initial status',
        (d) => Object.assign(d.statuses[0], { isFinal: true }),
        ['statuses[0].isFinal', 'transitions[0].from'],
      ],
      [
        'a transition to an unknown status',
        (d) => (d.transitions[0].to = 'nowhere'),
        ['transitions[0].to'],
      ],
      [
        'a transition from an unknown status',
        (d) => (d.transitions[2].from = 'nowhere'),
        ['transitions[2].from'],
      ],
      [
        'an automatic transition with unknown statuses',
        (d) => Object.assign(d.autoTransitions[1], { status: 'gone', to: 'away' }),
        ['autoTransitions[1].status', 'autoTransitions[1].to'],
      ],
      [
        'a transition out of a final status',
        (d) => d.transitions.push({ from: 'closed', to: 'working', allowedRoles: ['admin'] }),
        ['transitions[4].from'],
      ],
      [
        'an automatic transition out of a final status',
        (d) =>
          d.autoTransitions.push({
            status: 'closed',
            trigger: 'after_time',
            afterSeconds: 60,
            to: 'new',
          }),
        ['autoTransitions[2].status'],
      ],
      [
        'a postpone-until into a final status',
        (d) => Object.assign(d.transitions[3], { requiresPostpone: true }),
        ['transitions[3].requiresPostpone'],
      ],
      [
        'after_time without afterSeconds',
        (d) =>
          (d.autoTransitions[0] = { status: 'done', trigger: 'after_time', to: 'closed' } as never),
        ['autoTransitions[0].afterSeconds'],
      ],
      [
        'after_time with afterSeconds 0',
        (d) => (d.autoTransitions[0].afterSeconds = 0),
        ['autoTransitions[0].afterSeconds'],
      ],
      [
        'afterSeconds on another trigger',
        (d) => Object.assign(d.autoTransitions[1], { afterSeconds: 60 }),
        ['autoTransitions[1].afterSeconds'],
      ],
      [
        'two timers of one trigger on a status',
        (d) =>
          d.autoTransitions.push({
            status: 'done',
            trigger: 'after_time',
            afterSeconds: 60,
            to: 'working',
          }),
        ['autoTransitions[2]'],
      ],
      [
        'unknown required fields',
        (d) =>
          (d.transitions[1].requiredFields = ['assigneeId', 'color', 'custom:', 'custom:Bad Key']),
        [
          'transitions[1].requiredFields[1]',
          'transitions[1].requiredFields[2]',
          'transitions[1].requiredFields[3]',
        ],
      ],
      [
        'two transitions between the same statuses',
        (d) => d.transitions.push({ from: 'new', to: 'working', allowedRoles: ['client'] }),
        ['transitions[4]'],
      ],
      [
        'a transition to the status it leaves',
        (d) => d.transitions.push({ from: 'working', to: 'working', allowedRoles: ['agent'] }),
        ['transitions[4].to'],
      ],
      ['a bad workflow key', (d) => (d.key = '9lives'), ['key']],
    ];

    it.each(cases)('422 for %s, and nothing is stored', async (_name, breakIt, fields) => {
      const def = baseDefinition();
      breakIt(def);
      const before = await query(`SELECT count(*)::int AS n FROM workflows`);
      const res = await admin().post('/api/v1/workflows', def);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
        [...fields].sort(),
      );
      for (const e of res.body.errors) expect(e.message).toEqual(expect.any(String));
      expect(await query(`SELECT count(*)::int AS n FROM workflows`)).toEqual(before);
    });

    it('400 for a status key longer than the documented 50 characters, before the rules', async () => {
      const def = baseDefinition();
      renameStatus(def, 'done', 'd'.repeat(51));
      const res = await admin().post('/api/v1/workflows', def);
      expect(res.status).toBe(400);
      // The key and the transitions that name it (renameStatus renames them too).
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'autoTransitions.0.status',
        'statuses.3.key',
        'transitions.2.to',
        'transitions.3.from',
      ]);
    });

    it('reports every problem of a definition at once', async () => {
      const def = baseDefinition();
      def.statuses[1].key = 'Working';
      def.transitions[3].requiredFields = ['nope'] as never;
      def.autoTransitions[0].afterSeconds = 0;
      const res = await admin().post('/api/v1/workflows', def);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
        [
          'statuses[1].key',
          'transitions[0].to',
          'transitions[1].from',
          'transitions[2].from',
          'autoTransitions[1].to',
          'transitions[3].requiredFields[0]',
          'autoTransitions[0].afterSeconds',
        ].sort(),
      );
    });

    it.each([
      ['an unknown field', (d: Record<string, unknown>) => (d.color = 'red')],
      ['an unknown category', (d: Definition) => (d.statuses[0].category = 'waiting')],
      ['an unknown role', (d: Definition) => (d.transitions[0].allowedRoles = ['owner'])],
      ['an unknown trigger', (d: Definition) => (d.autoTransitions[0].trigger = 'at_noon')],
      [
        'a status without a name',
        (d: Definition) => delete (d.statuses[0] as { name?: unknown }).name,
      ],
      [
        'no transitions list',
        (d: Definition) => delete (d as { transitions?: unknown }).transitions,
      ],
      ['a null flag', (d: Definition) => Object.assign(d.statuses[0], { isFinal: null })],
    ])('400 for %s', async (_name, breakIt) => {
      const def = baseDefinition();
      breakIt(def as never);
      const res = await admin().post('/api/v1/workflows', def);
      expect(res.status).toBe(400);
    });
  });

  describe('replace', () => {
    it('replaces the definition and bumps the version', async () => {
      const wf = await create();
      const def = baseDefinition(wf.key as string);
      def.name = { en: 'Field service v2', ru: 'Выездной сервис 2', cs: 'Servis 2' };
      def.statuses.splice(3, 0, {
        key: 'review',
        name: { en: 'Review' },
        category: 'open',
      });
      def.transitions.push({ from: 'working', to: 'review', allowedRoles: ['agent'] });
      def.autoTransitions = [];
      const res = await admin().put(`/api/v1/workflows/${wf.id}`, { ...def, version: 1 });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(2);
      expect(res.body.name).toEqual(def.name);
      expect(res.body.statuses.map((s: { key: string }) => s.key)).toEqual([
        'new',
        'working',
        'parked',
        'review',
        'done',
        'closed',
      ]);
      expect(res.body.autoTransitions).toEqual([]);
      expect((await admin().get(`/api/v1/workflows/${wf.id}`)).body).toEqual(res.body);
    });

    it('409 with the current version for a stale one, and nothing changes', async () => {
      const wf = await create();
      const def = baseDefinition(wf.key as string);
      expect((await admin().put(`/api/v1/workflows/${wf.id}`, { ...def, version: 1 })).status).toBe(
        200,
      );
      const before = await snapshot(wf.id);
      def.name = { en: 'Lost update' } as never;
      const res = await admin().put(`/api/v1/workflows/${wf.id}`, { ...def, version: 1 });
      expect(res.status).toBe(409);
      expect(res.body.currentVersion).toBe(2);
      expect(await snapshot(wf.id)).toEqual(before);
    });

    it('422 for an invalid definition or a new key; 404 for an unknown workflow', async () => {
      const wf = await create();
      const before = await snapshot(wf.id);
      const invalid = baseDefinition(wf.key as string);
      invalid.transitions[0].to = 'nowhere';
      const res = await admin().put(`/api/v1/workflows/${wf.id}`, { ...invalid, version: 1 });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { field: 'transitions[0].to', message: expect.any(String) },
      ]);
      const renamed = await admin().put(`/api/v1/workflows/${wf.id}`, {
        ...baseDefinition(`other_${uniq()}`),
        version: 1,
      });
      expect(renamed.status).toBe(422);
      expect(renamed.body.errors).toEqual([{ field: 'key', message: expect.any(String) }]);
      expect(await snapshot(wf.id)).toEqual(before);
      const missing = await admin().put(`/api/v1/workflows/00000000-0000-4000-8000-000000000000`, {
        ...baseDefinition(),
        version: 1,
      });
      expect(missing.status).toBe(404);
    });

    describe('with tickets in the workflow', () => {
      /** HappyDesk under a key of its own, with tickets in hold, waiting, fixed and new. */
      async function happyDeskWithTickets() {
        const key = `hd_${uniq()}`;
        const wf = (await admin().post('/api/v1/workflows/presets/happydesk/install', { key }))
          .body as { id: string };
        const typeKey = await typeOn(wf.id);
        const ticket = (status: string) =>
          t.factory.ticket({ typeKey, status, requesterId: w.clientA.id });
        const tickets = {
          hold: [await ticket('hold'), await ticket('hold'), await ticket('hold')],
          waiting: [await ticket('waiting_for_customer')],
          fixed: [await ticket('fixed')],
          fresh: [await ticket('new')],
        };
        // A hold date in the past of its own, to see it carried to a status that has a timer.
        await t.db.query(
          `UPDATE tickets SET postponed_until = $2, next_timer_at = $2 WHERE id = $1`,
          [tickets.hold[0].id, new Date(t.clock.now().getTime() + 5 * 24 * HOUR)],
        );
        return { key, wf, tickets };
      }

      /** The HappyDesk preset without some statuses (and whatever touches them). */
      function withoutStatuses(key: string, removed: string[]) {
        const keep = (k: string) => !removed.includes(k);
        return {
          key,
          name: HAPPYDESK_PRESET.name,
          statuses: HAPPYDESK_PRESET.statuses.filter((s) => keep(s.key)),
          transitions: HAPPYDESK_PRESET.transitions.filter((x) => keep(x.from) && keep(x.to)),
          autoTransitions: HAPPYDESK_PRESET.autoTransitions.filter(
            (x) => keep(x.status) && keep(x.to),
          ),
        };
      }

      it('refuses to remove a status tickets are in without a mapping: 422, nothing changed', async () => {
        const { key, wf } = await happyDeskWithTickets();
        const before = await snapshot(wf.id);
        const res = await admin().put(`/api/v1/workflows/${wf.id}`, {
          ...withoutStatuses(key, ['hold', 'waiting_for_customer', 'canceled']),
          version: 1,
          statusMapping: { waiting_for_customer: 'in_progress' },
        });
        expect(res.status).toBe(422);
        // Canceled has no tickets: removing it needs no mapping.
        expect(res.body.errors).toEqual([
          {
            field: 'statusMapping.hold',
            message: expect.stringMatching(/^3 ticket\(s\) are in "hold"/),
          },
        ]);
        expect(await snapshot(wf.id)).toEqual(before);
      });

      it('refuses a mapping to a status that does not stay, or of a status that is not removed', async () => {
        const { key, wf } = await happyDeskWithTickets();
        const before = await snapshot(wf.id);
        const res = await admin().put(`/api/v1/workflows/${wf.id}`, {
          ...withoutStatuses(key, ['hold', 'waiting_for_customer']),
          version: 1,
          statusMapping: { hold: 'limbo', waiting_for_customer: 'hold', fixed: 'closed' },
        });
        expect(res.status).toBe(422);
        expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
          'statusMapping.fixed',
          'statusMapping.hold',
          'statusMapping.waiting_for_customer',
        ]);
        expect(await snapshot(wf.id)).toEqual(before);
      });

      it('moves the tickets of removed statuses, with history, versions and timers', async () => {
        const { key, wf, tickets } = await happyDeskWithTickets();
        const untouched = (await snapshot(wf.id)).tickets.filter(
          (x) => !(x as { status: string }).status.match(/^(hold|waiting_for_customer)$/),
        );
        t.clock.advance(HOUR);
        const now = t.clock.now();
        const res = await admin().put(`/api/v1/workflows/${wf.id}`, {
          ...withoutStatuses(key, ['hold', 'waiting_for_customer']),
          version: 1,
          statusMapping: { hold: 'in_progress', waiting_for_customer: 'fixed' },
        });
        expect(res.status).toBe(200);
        expect(res.body.version).toBe(2);
        expect(res.body.statuses.map((s: { key: string }) => s.key)).toEqual([
          'new',
          'in_progress',
          'fixed',
          'closed',
          'canceled',
        ]);

        const rows = await query<{
          id: string;
          status: string;
          status_category: string;
          version: number;
          updated_at: Date;
          status_changed_at: Date;
          next_timer_at: Date | null;
          resolved_at: Date | null;
        }>(
          `SELECT id, status, status_category, version, updated_at, status_changed_at,
                  next_timer_at, resolved_at
             FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY id`,
          [[...tickets.hold, ...tickets.waiting].map((x) => x.id)],
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const h of tickets.hold) {
          expect(byId.get(h.id)).toMatchObject({
            status: 'in_progress',
            status_category: 'open',
            version: 2,
            updated_at: now,
            status_changed_at: now,
            next_timer_at: null,
            resolved_at: null,
          });
        }
        // Into Fixed: its 48-hour timer starts now, and the ticket counts as resolved.
        expect(byId.get(tickets.waiting[0].id)).toMatchObject({
          status: 'fixed',
          status_category: 'resolved',
          version: 2,
          status_changed_at: now,
          next_timer_at: new Date(now.getTime() + 48 * HOUR),
          resolved_at: now,
        });

        const events = await query<{
          ticket_id: string;
          actor_id: string;
          old_value: string;
          new_value: string;
        }>(
          `SELECT ticket_id, actor_id, old_value, new_value FROM ticket_events
            WHERE kind = 'status_changed' AND ticket_id = ANY($1::uuid[]) ORDER BY ticket_id`,
          [rows.map((r) => r.id)],
        );
        expect(events).toHaveLength(4);
        for (const e of events) {
          expect(e.actor_id).toBe(w.admin.id);
          const moved = tickets.waiting.some((x) => x.id === e.ticket_id)
            ? ['waiting_for_customer', 'fixed']
            : ['hold', 'in_progress'];
          expect([e.old_value, e.new_value]).toEqual(moved);
        }
        // History through the API, as the ticket page shows it.
        const history = await admin().get(`/api/v1/tickets/${tickets.hold[1].id}/history`);
        expect(history.status).toBe(200);
        expect(history.body.items).toContainEqual(
          expect.objectContaining({
            kind: 'status_changed',
            oldValue: 'hold',
            newValue: 'in_progress',
          }),
        );

        // Tickets in statuses that stay are left as they were.
        const after = (await snapshot(wf.id)).tickets;
        for (const x of untouched) expect(after).toContainEqual(x);
      });

      it('follows a changed category and changed timers of statuses that stay', async () => {
        const { key, wf, tickets } = await happyDeskWithTickets();
        const def = withoutStatuses(key, []);
        def.statuses = def.statuses.map((s) =>
          s.key === 'waiting_for_customer' ? { ...s, category: 'open' as const } : s,
        );
        // Fixed closes after 24 hours instead of 48.
        def.autoTransitions = def.autoTransitions.map((a) =>
          a.trigger === 'after_time' ? { ...a, afterSeconds: 24 * 3600 } : a,
        );
        const [fixedBefore] = await query<{ status_changed_at: Date; version: number }>(
          `SELECT status_changed_at, version FROM tickets WHERE id = $1`,
          [tickets.fixed[0].id],
        );
        const res = await admin().put(`/api/v1/workflows/${wf.id}`, { ...def, version: 1 });
        expect(res.status).toBe(200);

        const [waiting] = await query(
          `SELECT status, status_category, version FROM tickets WHERE id = $1`,
          [tickets.waiting[0].id],
        );
        expect(waiting).toEqual({
          status: 'waiting_for_customer',
          status_category: 'open',
          version: 2,
        });
        // The search documents take the new category too (search narrows queues by it).
        const [search] = await query(
          `SELECT status_category FROM ticket_search WHERE ticket_id = $1`,
          [tickets.waiting[0].id],
        );
        expect(search).toEqual({ status_category: 'open' });
        const [fixed] = await query<{ next_timer_at: Date; version: number }>(
          `SELECT next_timer_at, version FROM tickets WHERE id = $1`,
          [tickets.fixed[0].id],
        );
        expect(fixed).toEqual({
          next_timer_at: new Date(fixedBefore.status_changed_at.getTime() + 24 * HOUR),
          version: fixedBefore.version,
        });
        const [fresh] = await query(`SELECT status, version FROM tickets WHERE id = $1`, [
          tickets.fresh[0].id,
        ]);
        expect(fresh).toEqual({ status: 'new', version: 1 });
      });

      it('is one transaction: a failure while writing history leaves everything as it was', async () => {
        const { key, wf } = await happyDeskWithTickets();
        const before = await snapshot(wf.id);
        // The last write of the change fails, after the definition and the tickets were written.
        await t.db.query(`
          CREATE FUNCTION refuse_status_history() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW.kind = 'status_changed' THEN RAISE EXCEPTION 'history is read-only'; END IF;
            RETURN NEW;
          END $$;
          CREATE TRIGGER refuse_status_history BEFORE INSERT ON ticket_events
            FOR EACH ROW EXECUTE FUNCTION refuse_status_history();`);
        try {
          const res = await admin().put(`/api/v1/workflows/${wf.id}`, {
            ...withoutStatuses(key, ['hold']),
            version: 1,
            statusMapping: { hold: 'in_progress' },
          });
          expect(res.status).toBe(500);
        } finally {
          await t.db.query(`
            DROP TRIGGER refuse_status_history ON ticket_events;
            DROP FUNCTION refuse_status_history();`);
        }
        expect(await snapshot(wf.id)).toEqual(before);
        const read = await admin().get(`/api/v1/workflows/${wf.id}`);
        expect(read.body.version).toBe(1);
        expect(read.body.statuses.map((s: { key: string }) => s.key)).toContain('hold');
      });
    });
  });

  describe('delete', () => {
    it('deletes an unused workflow', async () => {
      const wf = await create();
      const res = await admin().delete(`/api/v1/workflows/${wf.id}`);
      expect(res.status).toBe(204);
      expect((await admin().get(`/api/v1/workflows/${wf.id}`)).status).toBe(404);
      expect(
        await query(`SELECT count(*)::int AS n FROM workflow_statuses WHERE workflow_id = $1`, [
          wf.id,
        ]),
      ).toEqual([{ n: 0 }]);
      expect((await admin().delete(`/api/v1/workflows/${wf.id}`)).status).toBe(404);
    });

    it('409 while a ticket type uses it', async () => {
      const wf = await create();
      await typeOn(wf.id);
      const res = await admin().delete(`/api/v1/workflows/${wf.id}`);
      expect(res.status).toBe(409);
      expect(res.body.ticketTypes).toBe(1);
      expect((await admin().get(`/api/v1/workflows/${wf.id}`)).status).toBe(200);
    });

    it('409 while tickets use it, even when no type does any more', async () => {
      const wf = await create();
      const typeKey = await typeOn(wf.id);
      await t.factory.ticket({ typeKey, status: 'working' });
      await t.db.query(
        `UPDATE ticket_types SET workflow_id = (SELECT id FROM workflows WHERE key = 'okdesk') WHERE key = $1`,
        [typeKey],
      );
      const res = await admin().delete(`/api/v1/workflows/${wf.id}`);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ ticketTypes: 0, hasTickets: true });
    });

    it('409 for the default workflow', async () => {
      const [{ id }] = await query<{ id: string }>(`SELECT id FROM workflows WHERE key = 'okdesk'`);
      const res = await admin().delete(`/api/v1/workflows/${id}`);
      expect(res.status).toBe(409);
    });
  });

  describe('who may', () => {
    const roles: [string, (world: World) => Persona][] = [
      ['dispatcher', (x) => x.dispatcher],
      ['agent', (x) => x.agent],
      ['client', (x) => x.clientA],
    ];

    it.each(roles)('%s: 403 on every write and on presets; reads for staff', async (name, who) => {
      const p = who(w);
      const wf = await create();
      const before = await snapshot(wf.id);
      const count = async () => query(`SELECT count(*)::int AS n FROM workflows`);
      const workflows = await count();
      const responses = [
        await as(p).get('/api/v1/workflows/presets'),
        await as(p).post('/api/v1/workflows/presets/happydesk/install', { key: `x_${uniq()}` }),
        await as(p).post('/api/v1/workflows', baseDefinition()),
        await as(p).put(`/api/v1/workflows/${wf.id}`, {
          ...baseDefinition(wf.key as string),
          version: 1,
        }),
        await as(p).delete(`/api/v1/workflows/${wf.id}`),
      ];
      expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
      expect(await count()).toEqual(workflows);
      expect(await snapshot(wf.id)).toEqual(before);
      // Clients read status names and their transitions from their tickets instead.
      const read = name === 'client' ? 403 : 200;
      expect((await as(p).get(`/api/v1/workflows/${wf.id}`)).status).toBe(read);
      expect((await as(p).get('/api/v1/workflows')).status).toBe(read);
    });

    it('401 without a login', async () => {
      expect((await t.http().get('/api/v1/workflows/presets')).status).toBe(401);
      expect((await t.http().post('/api/v1/workflows').send(baseDefinition())).status).toBe(401);
    });
  });
});
