import { PNG } from './support/authz-matrix';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * What clients see. Every response a client can get (the client columns of the authorization
 * matrix) is checked against the exact key set a client is allowed, recursively: a field added
 * to a DTO later fails here until someone decides whether clients get it. Values are checked
 * too: a client's responses never carry the group, support level, SLA policy, project, internal
 * notes or internal files of their ticket, and the client's `updatedAt` (and list order) moves
 * only on changes a client can see.
 */

/**
 * A client's allowed shape. `true`: any scalar (or null); 'text': a translated text; 'any': a
 * free-form value (custom fields, history values, notification data), checked elsewhere; an
 * object: exactly these keys; `[spec]`: an array of spec.
 */
type Spec = true | 'text' | 'any' | { [key: string]: Spec } | [Spec];

function shapeErrors(actual: unknown, spec: Spec, path = '$'): string[] {
  if (spec === 'any') return [];
  if (actual === null || typeof actual !== 'object') {
    return spec === true || actual === null ? [] : [`${path}: expected ${JSON.stringify(spec)}`];
  }
  if (Array.isArray(actual)) {
    if (!Array.isArray(spec)) return [`${path}: unexpected array`];
    return actual.flatMap((v, i) => shapeErrors(v, spec[0], `${path}[${i}]`));
  }
  if (spec === 'text') {
    return Object.keys(actual)
      .filter((k) => !['en', 'ru', 'cs'].includes(k))
      .map((k) => `${path}.${k}: not a language`);
  }
  if (spec === true || Array.isArray(spec)) return [`${path}: unexpected object`];
  const keys = Object.keys(actual);
  return [
    ...keys.filter((k) => !(k in spec)).map((k) => `${path}.${k}: not for clients`),
    ...Object.keys(spec)
      .filter((k) => !keys.includes(k))
      .map((k) => `${path}.${k}: missing`),
    ...keys
      .filter((k) => k in spec)
      .flatMap((k) => shapeErrors((actual as Record<string, unknown>)[k], spec[k], `${path}.${k}`)),
  ];
}

const REF: Spec = { id: true, name: true };
const page = (item: Spec): Spec => ({ items: [item], nextCursor: true });

/** A list row: what the list shows; no staff-only fields, and of the SLA the deadline only. */
const TICKET_SUMMARY: Spec = {
  id: true,
  number: true,
  subject: true,
  priority: true,
  status: true,
  statusName: 'text',
  statusCategory: true,
  type: { id: true, key: true, name: 'text' },
  organization: REF,
  requester: REF,
  // Issue 18 links: the client's own organization's items.
  serviceObjectId: true,
  equipmentId: true,
  contractId: true,
  sla: { resolutionDueAt: true },
  promise: { firstResponseBy: true, resolutionBy: true, paused: true },
  createdAt: true,
  updatedAt: true,
};
const TICKET_FIELDS = {
  id: true,
  number: true,
  subject: true,
  priority: true,
  status: true,
  statusName: 'text',
  statusCategory: true,
  workflowId: true,
  typeId: true,
  type: { id: true, key: true, name: 'text' },
  organizationId: true,
  organization: REF,
  requesterId: true,
  requester: REF,
  serviceObjectId: true,
  serviceObject: REF,
  equipmentId: true,
  equipment: { id: true, name: true, serialNumber: true, inventoryNumber: true },
  contractId: true,
  contract: { id: true, number: true, title: true },
  warranty: true,
  categoryId: true,
  category: { id: true, name: 'text', parentId: true },
  statusChangedAt: true,
  // The promised times; no policy, breaches or pauses.
  sla: { firstResponseDueAt: true, resolutionDueAt: true },
  promise: { firstResponseBy: true, resolutionBy: true, paused: true },
  postponedUntil: true,
  firstRespondedAt: true,
  resolvedAt: true,
  closedAt: true,
  channel: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  version: true,
} satisfies Spec;
const TICKET: Spec = {
  ...TICKET_FIELDS,
  description: true,
  customFields: 'any',
  satisfaction: { rating: true, comment: true, via: true, createdAt: true },
};
const COMMENT: Spec = {
  id: true,
  ticketId: true,
  body: true,
  internal: true,
  author: REF,
  createdAt: true,
};
const ATTACHMENT: Spec = {
  id: true,
  ticketId: true,
  commentId: true,
  internal: true,
  uploaderId: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  createdAt: true,
  contentUrl: true,
};
const EVENT: Spec = {
  id: true,
  kind: true,
  field: true,
  oldValue: 'any',
  newValue: 'any',
  actor: REF,
  onBehalfOf: REF,
  internal: true,
  createdAt: true,
  oldStatusName: 'text',
  newStatusName: 'text',
  // Link lines: names as the reader may see the rows.
  oldValueName: true,
  newValueName: true,
};
const TRANSITION_OPTION: Spec = {
  to: true,
  name: 'text',
  category: true,
  requiresPostpone: true,
  postponeMaxDays: true,
  commentRequired: true,
  requiresDuplicateOf: true,
  requiredFields: [true],
  missingFields: [true],
};
const LINK: Spec = {
  id: true,
  relation: true,
  ticket: {
    id: true,
    number: true,
    subject: true,
    status: true,
    statusName: 'text',
    statusCategory: true,
  },
  createdBy: REF,
  createdAt: true,
};
const TYPE_FIELD: Spec = {
  id: true,
  key: true,
  name: 'text',
  kind: true,
  required: true,
  clientVisible: true,
  clientEditable: true,
  options: [{ value: true, name: 'text' }],
  active: true,
  position: true,
  version: true,
};
const TICKET_TYPE: Spec = {
  id: true,
  key: true,
  name: 'text',
  isPublic: true,
  workflowId: true,
  defaultPriority: true,
  active: true,
  position: true,
  version: true,
  fields: [TYPE_FIELD],
};
const CATEGORY: Spec = {
  id: true,
  parentId: true,
  name: 'text',
  isPublic: true,
  active: true,
  position: true,
  version: true,
};
/** A contact sees how to reach their organization; notes, flags and bookkeeping are staff's. */
const ORGANIZATION: Spec = {
  id: true,
  name: true,
  taxId: true,
  address: true,
  phone: true,
  email: true,
};
/** The client's own account. */
const USER: Spec = {
  id: true,
  email: true,
  name: true,
  phone: true,
  smsOptIn: true,
  locale: true,
  role: true,
  organizationId: true,
  departmentId: true,
  // Staff fields, null and false for a client (their own account: nothing about anyone else).
  visibilityScope: true,
  canViewAll: true,
  canViewOrganizationTickets: true,
  active: true,
  outOfOfficeFrom: true,
  outOfOfficeUntil: true,
  groupIds: [true],
  // Always false for a person: service accounts (issue 15) are never clients.
  serviceAccount: true,
  version: true,
  createdAt: true,
  updatedAt: true,
};
const ME: Spec = {
  ...(USER as object),
  permissions: [true],
  headOfDepartmentIds: [true],
  effectiveVisibilityScope: true,
  // Whether they may file new requests (authorized requesters): the portal asks it.
  mayFileRequests: true,
};
const NOTIFICATION: Spec = {
  id: true,
  kind: true,
  ticket: { id: true, number: true, subject: true },
  data: 'any',
  createdAt: true,
  readAt: true,
};

/** Issue 18's registers as a client reads them (docs/contracts.md). */
const CONTRACT_DOCUMENT: Spec = {
  id: true,
  contractId: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  createdAt: true,
  shared: true,
};

const CONTRACT_SUMMARY: Spec = {
  id: true,
  organizationId: true,
  number: true,
  title: true,
  validFrom: true,
  validTo: true,
  status: true,
};
const SERVICE_OBJECT: Spec = {
  id: true,
  organizationId: true,
  name: true,
  address: true,
  contactId: true,
  contactName: true,
  calendarId: true,
  calendarName: true,
  // The site's opening hours: the portal's site card shows them (c87534b).
  workingHours: { timeZone: true, days: [{ day: true, intervals: [{ start: true, end: true }] }] },
};
const EQUIPMENT_FIELD: Spec = {
  key: true,
  name: 'text',
  kind: true,
  required: true,
  clientVisible: true,
  options: [{ value: true, name: 'text' }],
  active: true,
};
const EQUIPMENT_TYPE: Spec = { id: true, name: true, fields: [EQUIPMENT_FIELD] };
const EQUIPMENT_ITEM: Spec = {
  id: true,
  typeId: true,
  typeName: true,
  organizationId: true,
  serviceObjectId: true,
  serviceObjectName: true,
  parentId: true,
  manufacturer: true,
  model: true,
  serialNumber: true,
  inventoryNumber: true,
  installedOn: true,
  warrantyUntil: true,
  status: true,
  customFields: { shown: true },
};

describe('what clients see', () => {
  let t: TestApp;
  let w: World;
  /** Values that must never reach a client, whatever the endpoint. */
  const secrets: string[] = [];
  let ticket: { id: string; number: number; version: number };

  const as = (p: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(p)),
    post: (path: string, body?: object) =>
      t
        .http()
        .post(`/api/v1${path}`)
        .set('Authorization', bearer(p))
        .send(body ?? {}),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', bearer(p)).send(body),
  });
  const one = async <T = { id: string }>(text: string, params: unknown[] = []) =>
    ((await t.db.query(text, params)) as T[])[0];

  /** The body, after checking its status, its shape and that it names no secret. */
  const seen = (
    res: { status: number; body: unknown; text?: string },
    status: number,
    spec: Spec,
  ) => {
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({
      status,
      body: 'ok',
    });
    expect(shapeErrors(res.body, spec)).toEqual([]);
    const text = JSON.stringify(res.body);
    expect(secrets.filter((s) => text.includes(s))).toEqual([]);
    return res.body as Record<string, unknown> & { items: Record<string, unknown>[] };
  };

  /** A ticket of clientA's with everything staff-only filled in. */
  const staffedTicket = async (seed: { status?: string; subject?: string } = {}) => {
    const tk = await t.factory.ticket({
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
      assigneeId: w.agent.id,
      groupId: w.group.id,
      createdById: w.clientA.id,
      dueAt: new Date(t.clock.now().getTime() + 86_400_000),
      needsReply: true,
      ...seed,
    });
    await t.db.query(
      `UPDATE tickets SET support_level = 2, project_id = $2, sla_policy_id = $3,
              first_response_due_at = $4, resolution_due_at = $4, first_response_breached_at = $4,
              sla_paused_at = $4, created_at = $5, updated_at = $5, client_updated_at = $5
        WHERE id = $1`,
      [
        tk.id,
        refs.projectId,
        refs.policyId,
        new Date(t.clock.now().getTime() + 3_600_000),
        t.clock.now(),
      ],
    );
    return tk;
  };
  const refs = { projectId: '', policyId: '' };

  /** An internal note with a file on it (files on internal notes are internal). */
  const internalNoteWithFile = async (ticketId: string) => {
    const note = await as(w.agent)
      .post(`/tickets/${ticketId}/comments`, { body: 'Secret internal note', internal: true })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/attachments`)
      .set('Authorization', bearer(w.agent))
      .field('commentId', note.body.id as string)
      .attach('file', PNG, { filename: 'secret-internal.png', contentType: 'image/png' })
      .expect(201);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await t.db.query(
      `UPDATE groups SET name = 'Secret L2 squad', support_level = 2 WHERE id = $1`,
      [w.group.id],
    );
    refs.projectId = (
      await one(
        `INSERT INTO projects (name, manager_id) VALUES ('Secret project', $1) RETURNING id`,
        [w.dispatcher.id],
      )
    ).id;
    const calendar = await one(
      `INSERT INTO sla_calendars (name, time_zone, week) VALUES ('Cal', 'Europe/Prague', '[]') RETURNING id`,
    );
    refs.policyId = (
      await one(
        `INSERT INTO sla_policies (name, calendar_id, active) VALUES ('Secret gold policy', $1, false) RETURNING id`,
        [calendar.id],
      )
    ).id;
    await t.db.query(
      `UPDATE organizations SET notes = 'Secret org note: bad payer', tax_id = 'CZ123' WHERE id = $1`,
      [w.orgA.id],
    );
    secrets.push(
      w.group.id,
      'Secret L2 squad',
      refs.projectId,
      'Secret project',
      refs.policyId,
      'Secret gold policy',
      'Secret org note',
      'Secret internal note',
      'secret-internal.png',
    );

    ticket = await staffedTicket({ subject: 'Pump leaks water' });
    await internalNoteWithFile(ticket.id);
    await as(w.agent)
      .post(`/tickets/${ticket.id}/comments`, { body: 'We are on it', internal: false })
      .expect(201);
    // Routing and escalation lines in the history (public lines before this change).
    await as(w.dispatcher)
      .post(`/tickets/${ticket.id}/assignment`, {
        version: 1,
        assigneeId: w.agent.id,
        groupId: w.group.id,
      })
      .expect(200);
    await t.db.query(
      `INSERT INTO notifications (user_id, kind, ticket_id, data) VALUES ($1, 'sla_reminder', $2, '{}')`,
      [w.clientA.id, ticket.id],
    );
  });
  afterAll(() => t?.close());

  describe('every response a client can get has the client key set only', () => {
    it('tickets: list, search, views, counts, detail, by number', async () => {
      const c = as(w.clientA);
      for (const query of [
        '',
        '?sort=updatedAt:desc',
        '?q=pump',
        '?view=open',
        '?view=recent',
        '?view=created_by_me',
        '?view=closed',
      ]) {
        seen(await c.get(`/tickets${query}`), 200, page(TICKET_SUMMARY));
      }
      const list = seen(await c.get('/tickets?q=pump'), 200, page(TICKET_SUMMARY));
      expect(list.items.map((i) => i.id)).toEqual([ticket.id]);
      seen(await c.get('/tickets/counts'), 200, {
        createdByMe: true,
        open: true,
        closed: true,
        informational: true,
      });
      seen(await c.get(`/tickets/${ticket.id}`), 200, TICKET);
      seen(await c.get(`/tickets/by-number/${ticket.number}`), 200, TICKET);
    });

    it('the same ticket as staff see it has the staff fields (the test above is not vacuous)', async () => {
      const res = await as(w.agent).get(`/tickets/${ticket.id}`);
      expect(res.body).toMatchObject({
        group: { id: w.group.id, name: 'Secret L2 squad' },
        supportLevel: 2,
        project: { id: refs.projectId },
        sla: { policy: { id: refs.policyId, name: 'Secret gold policy' } },
        needsReply: expect.any(Boolean),
        assigneeId: w.agent.id,
      });
      const counts = await as(w.agent).get('/tickets/counts');
      expect(Object.keys(counts.body).sort()).toEqual(
        ['closed', 'createdByMe', 'mine', 'needsReply', 'open', 'overdue', 'unassigned'].sort(),
      );
    });

    it('staff-only queues and filters are a 400 for clients (they would reveal the values)', async () => {
      const c = as(w.clientA);
      for (const query of [
        `groupId=${w.group.id}`,
        `assigneeId=${w.agent.id}`,
        `solverId=${w.agent.id}`,
        'dueFrom=2020-01-01T00:00:00Z',
        'dueTo=2100-01-01T00:00:00Z',
        'view=unassigned',
        'view=mine',
        'view=needs_reply',
        'view=overdue',
      ]) {
        const res = await c.get(`/tickets?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
      }
      // A project the client is no member of finds nothing, though their ticket is in it.
      const byProject = seen(
        await c.get(`/tickets?projectId=${refs.projectId}`),
        200,
        page(TICKET_SUMMARY),
      );
      expect(byProject.items).toEqual([]);
    });

    it('contracts, service objects and equipment: summaries, no staff notes, visible values only', async () => {
      const c = as(w.clientA);
      secrets.push('Secret billing notes', 'Secret site notes', 'Secret service code');
      const contract = await one(
        `INSERT INTO contracts (organization_id, number, title, status, sla_policy_id, allowance_seconds,
                                allowance_period, billing_notes)
         VALUES ($1, 'EXP-1', 'Service', 'active', $2, 3600, 'month', 'Secret billing notes') RETURNING id`,
        [w.orgA.id, refs.policyId],
      );
      const site = await one(
        `INSERT INTO service_objects (organization_id, name, notes) VALUES ($1, 'Site', 'Secret site notes')
         RETURNING id`,
        [w.orgA.id],
      );
      const type = await one(
        `INSERT INTO equipment_types (name, fields) VALUES ('Pump', $1::jsonb) RETURNING id`,
        [
          JSON.stringify([
            {
              key: 'shown',
              name: { en: 'Shown' },
              kind: 'text',
              required: false,
              clientVisible: true,
              options: [],
              active: true,
            },
            {
              key: 'code',
              name: { en: 'Code' },
              kind: 'text',
              required: false,
              clientVisible: false,
              options: [],
              active: true,
            },
          ]),
        ],
      );
      const item = await one(
        `INSERT INTO equipment_items (type_id, organization_id, service_object_id, custom_fields)
         VALUES ($1, $2, $3, $4::jsonb) RETURNING id`,
        [
          type.id,
          w.orgA.id,
          site.id,
          JSON.stringify({ shown: 'yes', code: 'Secret service code' }),
        ],
      );
      seen(await c.get(`/contracts/${contract.id}`), 200, CONTRACT_SUMMARY);
      seen(await c.get('/contracts'), 200, page(CONTRACT_SUMMARY));
      seen(await c.get(`/service-objects/${site.id}`), 200, SERVICE_OBJECT);
      seen(await c.get('/service-objects'), 200, page(SERVICE_OBJECT));
      seen(await c.get(`/equipment-types/${type.id}`), 200, EQUIPMENT_TYPE);
      seen(await c.get('/equipment-types'), 200, page(EQUIPMENT_TYPE));
      seen(await c.get(`/equipment-items/${item.id}`), 200, EQUIPMENT_ITEM);
      seen(await c.get('/equipment-items'), 200, page(EQUIPMENT_ITEM));
      // The contract's documents: the shared one only, without who uploaded it or the version.
      for (const shared of ['true', 'false']) {
        const up = await t
          .http()
          .post(`/api/v1/contracts/${contract.id}/documents`)
          .set('Authorization', bearer(w.dispatcher))
          .field('shared', shared)
          .attach('file', PNG, { filename: `${shared}.png`, contentType: 'image/png' });
        expect(up.status).toBe(201);
      }
      const docs = await c.get(`/contracts/${contract.id}/documents`);
      seen(docs, 200, { items: [CONTRACT_DOCUMENT] });
      expect(docs.body.items.map((d: { fileName: string }) => d.fileName)).toEqual(['true.png']);
      // Staff read the fields the specs above leave out (the checks are not vacuous).
      const staff = await as(w.agent).get(`/contracts/${contract.id}`);
      expect(staff.body).toMatchObject({ billingNotes: 'Secret billing notes', version: 1 });
      const staffItem = await as(w.agent).get(`/equipment-items/${item.id}`);
      expect(staffItem.body.customFields).toEqual({ shown: 'yes', code: 'Secret service code' });
      secrets.splice(-3, 3);
    });

    it('creating a ticket answers with the client view', async () => {
      const res = await as(w.clientA).post('/tickets', { subject: 'New from the portal' });
      seen(res, 201, TICKET);
    });

    it('comments, files, history, transitions, links', async () => {
      const c = as(w.clientA);
      const comments = seen(await c.get(`/tickets/${ticket.id}/comments`), 200, page(COMMENT));
      expect(comments.items.map((i) => i.body)).toEqual(['We are on it']);
      seen(await c.post(`/tickets/${ticket.id}/comments`, { body: 'Thanks' }), 201, COMMENT);

      const upload = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/attachments`)
        .set('Authorization', bearer(w.clientA))
        .attach('file', PNG, { filename: 'photo.png', contentType: 'image/png' });
      const file = seen(upload, 201, ATTACHMENT);
      seen(await c.get(`/attachments/${file.id as string}`), 200, ATTACHMENT);
      const files = seen(await c.get(`/tickets/${ticket.id}/attachments`), 200, page(ATTACHMENT));
      expect(files.items.map((i) => i.fileName)).toEqual(['photo.png']);

      seen(await c.get(`/tickets/${ticket.id}/transitions`), 200, [TRANSITION_OPTION]);
      const other = await staffedTicket();
      await as(w.dispatcher)
        .post(`/tickets/${ticket.id}/links`, { relation: 'related', ticketId: other.id })
        .expect(201);
      const links = seen(await c.get(`/tickets/${ticket.id}/links`), 200, [LINK]);
      expect(links).toHaveLength(1);
    });

    it('history: no routing, assignment, support level, SLA or link lines, and a bare "created"', async () => {
      // Filed by the desk for the client, routed to a group with a support level.
      const filed = await as(w.dispatcher).post('/tickets', {
        subject: 'Filed by phone',
        requesterId: w.clientA.id,
        assigneeId: w.agent.id,
        groupId: w.group.id,
      });
      expect(filed.status).toBe(201);
      const id = filed.body.id as string;
      await internalNoteWithFile(id);
      await as(w.dispatcher)
        .post(`/tickets/${id}/assignment`, { version: 1, assigneeId: null, groupId: w.group.id })
        .expect(200);
      const history = seen(await as(w.clientA).get(`/tickets/${id}/history`), 200, page(EVENT));
      const kinds = history.items.map((e) => e.kind);
      expect(kinds).toContain('created');
      expect(
        kinds.filter(
          (k) =>
            ![
              'created',
              'status_changed',
              'field_changed',
              'comment_added',
              'attachment_added',
              'rated',
              'assigned',
            ].includes(k as string),
        ),
      ).toEqual([]);
      expect(history.items.every((e) => e.internal === false)).toBe(true);
      const created = history.items.find((e) => e.kind === 'created')!;
      expect(Object.keys(created.newValue as object).sort()).toEqual([
        'number',
        'priority',
        'status',
        'subject',
      ]);
      // Staff see the lines clients do not.
      const staff = await as(w.dispatcher).get(`/tickets/${id}/history`);
      const staffKinds = staff.body.items.map((e: { kind: string }) => e.kind);
      expect(staffKinds).toContain('assigned');
      expect(
        staff.body.items.find((e: { kind: string }) => e.kind === 'created').newValue,
      ).toHaveProperty('groupId', w.group.id);
    });

    it('status changes and acceptance answer with the client view', async () => {
      const resolved = await staffedTicket({ status: 'resolved' });
      seen(
        await as(w.clientA).post(`/tickets/${resolved.id}/transitions`, {
          to: 'open',
          version: resolved.version,
        }),
        200,
        TICKET,
      );
      const toAccept = await staffedTicket({ status: 'resolved' });
      seen(
        await as(w.clientA).post(`/tickets/${toAccept.id}/acceptance`, {
          decision: 'accept',
          version: toAccept.version,
          rating: 4,
        }),
        200,
        TICKET,
      );
    });

    it('organizations: their own, without notes, flags or bookkeeping', async () => {
      const c = as(w.clientA);
      const list = seen(await c.get('/organizations'), 200, page(ORGANIZATION));
      expect(list.items).toEqual([
        expect.objectContaining({ id: w.orgA.id, name: 'Org A', taxId: 'CZ123' }),
      ]);
      seen(await c.get(`/organizations/${w.orgA.id}`), 200, ORGANIZATION);
      // Staff still get everything.
      const staff = await as(w.agent).get(`/organizations/${w.orgA.id}`);
      expect(staff.body).toMatchObject({ notes: 'Secret org note: bad payer', active: true });
    });

    it('reference data: ticket types and categories; workflows are staff-only', async () => {
      const c = as(w.clientA);
      const types = seen(await c.get('/ticket-types'), 200, [TICKET_TYPE]) as unknown as {
        id: string;
      }[];
      seen(await c.get(`/ticket-types/${types[0].id}`), 200, TICKET_TYPE);
      seen(await c.get('/categories'), 200, [CATEGORY]);
      expect((await c.get('/workflows')).status).toBe(403);
    });

    it('their account, notifications and calendar feed', async () => {
      const c = as(w.clientA);
      seen(await c.get('/me'), 200, ME);
      seen(await c.patch('/me', { name: 'Client A' }), 200, ME);
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: w.clientA.email, password: 'correct horse battery' });
      expect(login.status).toBe(200);
      expect(shapeErrors(login.body.user, USER)).toEqual([]);

      seen(await c.get('/me/notifications'), 200, page(NOTIFICATION));
      seen(await c.get('/me/notifications/unread-count'), 200, { unread: true });

      seen(await c.get('/me/calendar-feed'), 200, { exists: true, createdAt: true });
      const feed = await c.post('/me/calendar-feed');
      expect(feed.status).toBe(201);
      const ics = await t.http().get(feed.body.path as string);
      expect(ics.status).toBe(200);
      expect(secrets.filter((s) => ics.text.includes(s))).toEqual([]);
    });
  });

  describe('a client’s updatedAt moves only on changes the client sees', () => {
    const HOUR = 3_600_000;
    const clientView = async (id: string) =>
      (await as(w.clientA).get(`/tickets/${id}`)).body as { updatedAt: string; version: number };
    const staffView = async (id: string) =>
      (await as(w.dispatcher).get(`/tickets/${id}`)).body as { updatedAt: string; version: number };
    /** The client's list of these tickets in their order (sort=updatedAt:desc, one per page). */
    const clientOrder = async (ids: string[]) => {
      const seenIds: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/tickets?sort=updatedAt:desc&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await as(w.clientA).get(query);
        expect(res.status).toBe(200);
        seenIds.push(...res.body.items.map((i: { id: string }) => i.id));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      return seenIds.filter((id) => ids.includes(id));
    };

    it('internal notes, internal files, assignment, staff-only edits: nothing changes for the client', async () => {
      const older = await staffedTicket({ subject: 'Older' });
      t.clock.advance(HOUR);
      const newer = await staffedTicket({ subject: 'Newer' });
      await t.db.query(`UPDATE tickets SET updated_at = $2, client_updated_at = $2 WHERE id = $1`, [
        newer.id,
        t.clock.now(),
      ]);
      const before = await clientView(older.id);
      expect(await clientOrder([older.id, newer.id])).toEqual([newer.id, older.id]);

      t.clock.advance(HOUR);
      await internalNoteWithFile(older.id);
      t.clock.advance(HOUR);
      await as(w.dispatcher)
        .post(`/tickets/${older.id}/assignment`, {
          version: before.version,
          assigneeId: w.otherAgent.id,
          groupId: w.otherGroup.id,
        })
        .expect(200);
      t.clock.advance(HOUR);
      const v = (await staffView(older.id)).version;
      await as(w.dispatcher)
        .patch(`/tickets/${older.id}`, {
          version: v,
          dueAt: new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString(),
        })
        .expect(200);

      // Staff see the activity; the client sees the ticket as it was.
      expect(Date.parse((await staffView(older.id)).updatedAt)).toBe(t.clock.now().getTime());
      expect((await clientView(older.id)).updatedAt).toBe(before.updatedAt);
      expect(await clientOrder([older.id, newer.id])).toEqual([newer.id, older.id]);
      const listed = await as(w.clientA).get('/tickets?sort=updatedAt:desc&limit=100');
      expect(listed.body.items.find((i: { id: string }) => i.id === older.id).updatedAt).toBe(
        before.updatedAt,
      );
    });

    it('a public comment, a public file, a status change and a subject edit move it', async () => {
      const tk = await staffedTicket();
      const moved = async (act: () => Promise<unknown>) => {
        t.clock.advance(HOUR);
        await act();
        expect(Date.parse((await clientView(tk.id)).updatedAt)).toBe(t.clock.now().getTime());
      };
      await moved(() =>
        as(w.agent)
          .post(`/tickets/${tk.id}/comments`, { body: 'Public answer', internal: false })
          .expect(201),
      );
      await moved(() =>
        t
          .http()
          .post(`/api/v1/tickets/${tk.id}/attachments`)
          .set('Authorization', bearer(w.agent))
          .attach('file', PNG, { filename: 'public.png', contentType: 'image/png' })
          .expect(201),
      );
      await moved(async () => {
        const { version } = await staffView(tk.id);
        await as(w.dispatcher)
          .post(`/tickets/${tk.id}/transitions`, { to: 'resolved', version })
          .expect(200);
      });
      await moved(async () => {
        const { version } = await staffView(tk.id);
        await as(w.clientA)
          .post(`/tickets/${tk.id}/transitions`, { to: 'open', version })
          .expect(200);
      });
      await moved(async () => {
        const { version } = await staffView(tk.id);
        await as(w.dispatcher)
          .patch(`/tickets/${tk.id}`, { version, subject: 'Pump leaks a lot' })
          .expect(200);
      });
      // And the list moves it to the top of the client's order.
      expect((await clientOrder([tk.id]))[0]).toBe(tk.id);
      const [first] = (await as(w.clientA).get('/tickets?sort=updatedAt:desc&limit=1')).body
        .items as { id: string }[];
      expect(first.id).toBe(tk.id);
    });
  });

  describe('conflicts never name tickets the caller cannot see', () => {
    it('closing a parent with open children names only the children the caller sees', async () => {
      const parent = await staffedTicket({ status: 'resolved' });
      // A child the client cannot see (another requester) and one they can.
      const hidden = await t.factory.ticket({
        assigneeId: w.otherAgent.id,
        groupId: w.otherGroup.id,
      });
      const visible = await staffedTicket();
      for (const child of [hidden, visible]) {
        await t.db.query(
          `INSERT INTO ticket_links (ticket_id, linked_ticket_id, kind) VALUES ($1, $2, 'child_of')`,
          [child.id, parent.id],
        );
      }
      const res = await as(w.clientA).post(`/tickets/${parent.id}/acceptance`, {
        decision: 'accept',
        version: parent.version,
        rating: 5,
      });
      expect(res.status).toBe(409);
      expect(res.body.openChildren).toEqual([visible.number]);
      expect(JSON.stringify(res.body)).not.toContain(hidden.id);
      expect(res.body.detail ?? '').not.toMatch(/\d/);
      // Staff who see both get both.
      const staff = await as(w.dispatcher).post(`/tickets/${parent.id}/transitions`, {
        to: 'closed',
        version: parent.version,
      });
      expect(staff.status).toBe(409);
      expect([...staff.body.openChildren].sort()).toEqual([hidden.number, visible.number].sort());
    });
  });
});
