import request from 'supertest';
import { createServiceToken } from './support/service-token';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorkflowFixture } from './support/workflow-fixture';

const ALERTS = '/api/v1/integrations/alerts';
const RULES = '/api/v1/admin/alert-rules';
const MINUTE = 60_000;

/** An Alertmanager v4 webhook with the given alerts. */
const am = (...alerts: Record<string, unknown>[]) => ({
  version: '4',
  groupKey: '{}:{alertname="x"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'relaydesk',
  groupLabels: {},
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  alerts,
});
const amAlert = (
  fingerprint: string,
  status: 'firing' | 'resolved',
  labels: Record<string, string> = {},
) => ({
  status,
  labels: { alertname: 'HighCpuLoad', instance: 'web-1:9100', severity: 'critical', ...labels },
  annotations: { summary: 'CPU above 90%', description: 'Load average is 12 on web-1' },
  startsAt: '2026-12-06T08:00:00Z',
  endsAt: status === 'resolved' ? '2026-12-06T08:30:00Z' : '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
  fingerprint,
});

let seq = 0;
const uniqueFingerprint = (prefix = 'fp') => `${prefix}-${process.pid}-${++seq}`;

describe('alerts from monitoring', () => {
  let t: TestApp;
  let token: string;
  let adminToken: string;
  let workflow: { typeId: string };

  const post = (body: unknown, query = '', bearer = token) =>
    t
      .http()
      .post(`${ALERTS}${query}`)
      .set('Authorization', `Bearer ${bearer}`)
      .send(body as object);
  const admin = {
    post: (path: string, body: object) =>
      t.http().post(path).set('Authorization', `Bearer ${adminToken}`).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(path).set('Authorization', `Bearer ${adminToken}`).send(body),
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${adminToken}`),
    delete: (path: string) => t.http().delete(path).set('Authorization', `Bearer ${adminToken}`),
  };

  const ticket = async (id: string) => {
    const [row] = (await t.db.query(
      `SELECT id, number, subject, description, priority, status, channel, group_id AS "groupId",
              organization_id AS "organizationId", type_id AS "typeId"
         FROM tickets WHERE id = $1`,
      [id],
    )) as Record<string, unknown>[];
    return row;
  };
  const comments = async (ticketId: string) =>
    (
      (await t.db.query(
        'SELECT body, internal FROM ticket_comments WHERE ticket_id = $1 ORDER BY created_at, id',
        [ticketId],
      )) as { body: string; internal: boolean }[]
    ).map((c) => ({ ...c }));
  const ticketsOf = async (fingerprint: string) =>
    (
      (await t.db.query(
        `SELECT a.ticket_id AS "ticketId", a.open FROM alerts a JOIN tickets t ON t.id = a.ticket_id
          WHERE a.fingerprint = $1 ORDER BY t.number`,
        [fingerprint],
      )) as { ticketId: string; open: boolean }[]
    ).map((r) => ({ ...r }));
  const ruleIds: string[] = [];
  async function rule(body: Record<string, unknown>): Promise<{ id: string; version: number }> {
    const res = await admin.post(RULES, { name: `Rule ${++seq}`, ...body });
    expect(res.status).toBe(201);
    ruleIds.push(res.body.id);
    return res.body;
  }
  /** Each test starts with no rules, so one test's rules never match another's alerts. */
  afterEach(async () => {
    for (const id of ruleIds.splice(0)) await admin.delete(`${RULES}/${id}`);
  });

  beforeAll(async () => {
    t = await startTestApp();
    token = await createServiceToken(t, { scopes: ['alerts:write'], role: 'agent' });
    const admin = await t.factory.user({ role: 'admin' });
    adminToken = await t.tokenFor(admin.id);
    workflow = await createWorkflowFixture(t.db, {
      statuses: [
        { key: 'new', category: 'new', initial: true },
        { key: 'in_work', category: 'open' },
        { key: 'resolved', category: 'resolved' },
        { key: 'closed', category: 'closed', final: true },
      ],
      transitions: [
        { from: 'new', to: 'in_work' },
        { from: 'new', to: 'resolved', requester: true },
        { from: 'in_work', to: 'resolved' },
        { from: 'resolved', to: 'closed' },
      ],
    });
  });
  afterAll(() => t.close());

  it('files an Alertmanager firing alert as a ticket on channel monitoring, shaped by the matching rule', async () => {
    const group = await t.factory.group();
    const org = await t.factory.organization('Monitored Co');
    await rule({
      matchers: [{ label: 'team', op: 'equals', value: 'infra' }],
      groupId: group.id,
      organizationId: org.id,
      typeId: workflow.typeId,
    });
    const fp = uniqueFingerprint();
    const res = await post(am(amAlert(fp, 'firing', { team: 'infra' })));
    expect(res.status).toBe(200);
    expect(res.body.alerts).toEqual([
      {
        source: 'alertmanager',
        fingerprint: fp,
        status: 'firing',
        outcome: 'ticket_created',
        ticketId: expect.any(String),
        ticketNumber: expect.any(Number),
        transitioned: false,
      },
    ]);
    const created = await ticket(res.body.alerts[0].ticketId);
    expect(created).toMatchObject({
      subject: 'HighCpuLoad: web-1:9100',
      channel: 'monitoring',
      // No priority in the rule: critical maps to urgent.
      priority: 'urgent',
      groupId: group.id,
      organizationId: org.id,
      typeId: workflow.typeId,
      status: 'new',
    });
    expect(created.description).toContain('Load average is 12 on web-1');
    expect(created.description).toContain('summary: CPU above 90%');
    expect(created.description).toContain('team = infra');
    expect(created.description).toContain('Link: http://prometheus:9090/graph?g0.expr=up');
  });

  it('comments on a repeat instead of filing again, at most once per interval, counting the rest', async () => {
    const fp = uniqueFingerprint();
    const first = await post(am(amAlert(fp, 'firing')));
    const ticketId = first.body.alerts[0].ticketId as string;

    const again = await post(am(amAlert(fp, 'firing')));
    expect(again.body.alerts[0]).toMatchObject({
      outcome: 'repeat_counted',
      ticketId,
      ticketNumber: first.body.alerts[0].ticketNumber,
    });
    expect(typeof again.body.alerts[0].ticketNumber).toBe('number');
    t.clock.advance(30 * MINUTE);
    expect((await post(am(amAlert(fp, 'firing')))).body.alerts[0].outcome).toBe('repeat_counted');
    expect(await comments(ticketId)).toEqual([]);

    t.clock.advance(31 * MINUTE);
    const commented = await post(am(amAlert(fp, 'firing')));
    expect(commented.body.alerts[0]).toMatchObject({ outcome: 'repeat_commented', ticketId });
    expect(await comments(ticketId)).toEqual([
      {
        body: 'Still firing: 3 notifications since the last comment (4 in all).',
        internal: true,
      },
    ]);
    expect(await ticketsOf(fp)).toEqual([{ ticketId, open: true }]);
    const [counts] = await t.db.query(
      `SELECT notification_count AS n, unreported_repeats AS u FROM alerts WHERE fingerprint = $1`,
      [fp],
    );
    expect(counts).toEqual({ n: 4, u: 0 });
  });

  it('honours the rule’s repeat interval', async () => {
    await rule({
      matchers: [{ label: 'env', op: 'equals', value: 'noisy' }],
      repeatCommentMinutes: 0,
    });
    const fp = uniqueFingerprint();
    const first = await post(am(amAlert(fp, 'firing', { env: 'noisy' })));
    const again = await post(am(amAlert(fp, 'firing', { env: 'noisy' })));
    expect(again.body.alerts[0].outcome).toBe('repeat_commented');
    expect(await comments(first.body.alerts[0].ticketId)).toHaveLength(1);
  });

  it('comments on a resolve and moves the ticket to the rule’s status when the workflow allows it', async () => {
    await rule({
      matchers: [{ label: 'team', op: 'equals', value: 'db' }],
      typeId: workflow.typeId,
      resolveStatus: 'resolved',
    });
    const fp = uniqueFingerprint();
    const fired = await post(am(amAlert(fp, 'firing', { team: 'db' })));
    const ticketId = fired.body.alerts[0].ticketId as string;

    const resolved = await post(am(amAlert(fp, 'resolved', { team: 'db' })));
    expect(resolved.status).toBe(200);
    expect(resolved.body.alerts[0]).toMatchObject({
      outcome: 'resolved',
      ticketId,
      transitioned: true,
    });
    expect((await ticket(ticketId)).status).toBe('resolved');
    expect(await comments(ticketId)).toEqual([
      { body: 'Resolved at 2026-12-06T08:30:00.000Z (Prometheus Alertmanager).', internal: true },
    ]);
    // A second resolve changes nothing.
    const twice = await post(am(amAlert(fp, 'resolved', { team: 'db' })));
    expect(twice.body.alerts[0]).toMatchObject({ outcome: 'ignored', ticketId });
    expect(await comments(ticketId)).toHaveLength(1);

    // Firing again while the ticket is still open (resolved, not closed): a comment, same ticket.
    const refired = await post(am(amAlert(fp, 'firing', { team: 'db' })));
    expect(refired.body.alerts[0]).toMatchObject({ outcome: 'fired_again', ticketId });
    expect(await comments(ticketId)).toHaveLength(2);
    expect(await ticketsOf(fp)).toEqual([{ ticketId, open: true }]);
  });

  it('only comments on a resolve when the workflow does not allow the rule’s move', async () => {
    // new -> closed is no transition of the fixture workflow.
    await rule({
      matchers: [{ label: 'team', op: 'equals', value: 'net' }],
      typeId: workflow.typeId,
      resolveStatus: 'closed',
    });
    const fp = uniqueFingerprint();
    const fired = await post(am(amAlert(fp, 'firing', { team: 'net' })));
    const ticketId = fired.body.alerts[0].ticketId as string;
    const resolved = await post(am(amAlert(fp, 'resolved', { team: 'net' })));
    expect(resolved.body.alerts[0]).toMatchObject({ outcome: 'resolved', transitioned: false });
    expect((await ticket(ticketId)).status).toBe('new');
    expect(await comments(ticketId)).toHaveLength(1);
  });

  it('files one ticket for identical posts sent at the same time', async () => {
    const fp = uniqueFingerprint('race');
    const body = am(amAlert(fp, 'firing'), amAlert(`${fp}-b`, 'firing'));
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const outcomes = answers.map((a) => a.body.alerts[0].outcome).sort();
    expect(outcomes.filter((o) => o === 'ticket_created')).toHaveLength(1);
    expect(await ticketsOf(fp)).toHaveLength(1);
    expect(await ticketsOf(`${fp}-b`)).toHaveLength(1);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM tickets WHERE channel = 'monitoring' AND subject = 'HighCpuLoad: web-1:9100'
          AND id IN (SELECT ticket_id FROM alerts WHERE fingerprint IN ($1, $2))`,
      [fp, `${fp}-b`],
    );
    expect(n).toBe(2);
  });

  it('files one ticket when identical posts reach two API instances at once', async () => {
    const other = await t.secondInstance();
    const fp = uniqueFingerprint('race2');
    const body = am(amAlert(fp, 'firing'));
    const send = (server: ReturnType<TestApp['http']>) =>
      server.post(ALERTS).set('Authorization', `Bearer ${token}`).send(body);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => send(i % 2 ? request(other.getHttpServer()) : t.http())),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.body.alerts[0].outcome === 'ticket_created')).toHaveLength(1);
    expect(await ticketsOf(fp)).toHaveLength(1);
  });

  it('leaves a ticket the posting account may not see alone, without telling that it exists', async () => {
    const fp = uniqueFingerprint('other');
    const first = await post(am(amAlert(fp, 'firing')));
    const ticketId = first.body.alerts[0].ticketId as string;
    // Taken by an agent: no longer in the unassigned queue every agent sees.
    const agent = await t.factory.user({ role: 'agent' });
    await t.db.query('UPDATE tickets SET assignee_id = $2 WHERE id = $1', [ticketId, agent.id]);
    const stranger = await createServiceToken(t, { scopes: ['alerts:write'], role: 'agent' });
    for (const status of ['firing', 'resolved'] as const) {
      const res = await post(am(amAlert(fp, status)), '', stranger);
      expect(res.status).toBe(200);
      expect(res.body.alerts[0]).toEqual(
        expect.objectContaining({ outcome: 'ignored', ticketId: null, ticketNumber: null }),
      );
    }
    expect(await comments(ticketId)).toEqual([]);
    expect(await ticketsOf(fp)).toEqual([{ ticketId, open: true }]);
    // The account that filed it still works it.
    const resolved = await post(am(amAlert(fp, 'resolved')));
    expect(resolved.body.alerts[0]).toMatchObject({ outcome: 'resolved', ticketId });
    // Closed meanwhile: a late resolve from the stranger still names no ticket.
    await t.db.query(
      `UPDATE tickets SET status = 'closed', status_category = 'closed' WHERE id = $1`,
      [ticketId],
    );
    const late = await post(am(amAlert(fp, 'resolved')), '', stranger);
    expect(late.body.alerts[0]).toMatchObject({ outcome: 'ignored', ticketId: null });
  });

  it('ignores a resolve of an alert it never saw', async () => {
    const fp = uniqueFingerprint('unknown');
    const res = await post(am(amAlert(fp, 'resolved')));
    expect(res.status).toBe(200);
    expect(res.body.alerts[0]).toMatchObject({ outcome: 'ignored', ticketId: null });
    expect(await ticketsOf(fp)).toEqual([]);
  });

  it('still files the ticket, with the defaults, when the matching rule has gone stale', async () => {
    const group = await t.factory.group();
    await rule({
      name: 'Stale rule',
      matchers: [{ label: 'team', op: 'equals', value: 'stale' }],
      groupId: group.id,
      priority: 'low',
    });
    await t.db.query('UPDATE groups SET active = false WHERE id = $1', [group.id]);
    const res = await post(am(amAlert(uniqueFingerprint(), 'firing', { team: 'stale' })));
    expect(res.status).toBe(200);
    expect(res.body.alerts[0].outcome).toBe('ticket_created');
    const created = await ticket(res.body.alerts[0].ticketId);
    expect(created).toMatchObject({ groupId: null, priority: 'urgent', channel: 'monitoring' });
    expect(created.description).toMatch(
      /^The alert rule “Stale rule” could not be applied \(groupId: no active group with this id\)/,
    );
  });

  it('opens a new ticket when the fingerprint fires again after its ticket was closed', async () => {
    const fp = uniqueFingerprint();
    const first = await post(am(amAlert(fp, 'firing')));
    const firstId = first.body.alerts[0].ticketId as string;
    await t.db.query(
      `UPDATE tickets SET status = 'closed', status_category = 'closed', closed_at = now() WHERE id = $1`,
      [firstId],
    );
    // A resolve for the closed ticket changes nothing on it.
    const late = await post(am(amAlert(fp, 'resolved')));
    expect(late.body.alerts[0]).toMatchObject({ outcome: 'ignored', ticketId: firstId });
    const again = await post(am(amAlert(fp, 'firing')));
    expect(again.body.alerts[0].outcome).toBe('ticket_created');
    const secondId = again.body.alerts[0].ticketId as string;
    expect(secondId).not.toBe(firstId);
    expect(await ticketsOf(fp)).toEqual([
      { ticketId: firstId, open: false },
      { ticketId: secondId, open: true },
    ]);
    expect(await comments(firstId)).toEqual([]);
  });

  it('reads a Zabbix problem and its recovery', async () => {
    await rule({
      source: 'zabbix',
      matchers: [{ label: 'host', op: 'glob', value: 'db-*' }],
      priority: 'high',
      typeId: workflow.typeId,
      resolveStatus: 'resolved',
    });
    const eventId = String(900000 + ++seq);
    const problem = await post({
      event_id: eventId,
      status: 'PROBLEM',
      recovery_event_id: '{EVENT.RECOVERY.ID}',
      trigger_id: '23001',
      trigger_name: 'Disk space is low',
      trigger_description: 'Free space below 10%',
      severity: 'Disaster',
      host: 'db-2',
      host_ip: '10.0.0.12',
      tags: [{ tag: 'service', value: 'postgres' }],
    });
    expect(problem.status).toBe(200);
    const ticketId = problem.body.alerts[0].ticketId as string;
    expect(problem.body.alerts[0]).toMatchObject({ source: 'zabbix', outcome: 'ticket_created' });
    const created = await ticket(ticketId);
    // The rule's priority wins over the severity's (disaster would be urgent).
    expect(created).toMatchObject({
      subject: 'Disk space is low: db-2',
      priority: 'high',
      channel: 'monitoring',
    });
    expect(created.description).toContain('service = postgres');

    const recovery = await post({
      event_id: eventId,
      status: 'RESOLVED',
      recovery_event_id: String(Number(eventId) + 1),
      trigger_name: 'Disk space is low',
      host: 'db-2',
    });
    expect(recovery.body.alerts[0]).toMatchObject({
      outcome: 'resolved',
      ticketId,
      transitioned: true,
    });
    expect((await ticket(ticketId)).status).toBe('resolved');
  });

  it('reads the generic form, with ?format= or without', async () => {
    const fp = uniqueFingerprint('backup');
    const body = {
      fingerprint: fp,
      status: 'firing',
      title: 'Nightly backup failed',
      description: 'rsync exited with 23',
      severity: 'warning',
      instance: 'nas-1',
      labels: { team: 'storage' },
    };
    const res = await post(body, '?format=generic');
    expect(res.status).toBe(200);
    const created = await ticket(res.body.alerts[0].ticketId);
    expect(created).toMatchObject({
      subject: 'Nightly backup failed: nas-1',
      priority: 'normal',
      channel: 'monitoring',
    });
    expect(created.description).toContain('rsync exited with 23');
    const resolved = await post({ ...body, status: 'resolved' });
    expect(resolved.body.alerts[0]).toMatchObject({ source: 'generic', outcome: 'resolved' });
  });

  it('applies the first matching rule in order, and a move changes which one that is', async () => {
    const first = await t.factory.group();
    const second = await t.factory.group();
    await rule({ matchers: [{ label: 'job', op: 'glob', value: 'node*' }], groupId: first.id });
    const other = await rule({
      matchers: [{ label: 'severity', op: 'equals', value: 'critical' }],
      groupId: second.id,
      priority: 'low',
    });
    const labels = { job: 'node-exporter' };
    const a = await post(am(amAlert(uniqueFingerprint(), 'firing', labels)));
    expect(await ticket(a.body.alerts[0].ticketId)).toMatchObject({
      groupId: first.id,
      priority: 'urgent',
    });

    const moved = await admin.patch(`${RULES}/${other.id}`, {
      version: other.version,
      position: 1,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.position).toBe(1);
    const list = await admin.get(RULES);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual(ruleIds.slice().reverse());

    const b = await post(am(amAlert(uniqueFingerprint(), 'firing', labels)));
    expect(await ticket(b.body.alerts[0].ticketId)).toMatchObject({
      groupId: second.id,
      priority: 'low',
    });
    // An inactive rule is skipped.
    await admin.patch(`${RULES}/${other.id}`, { version: moved.body.version, active: false });
    const c = await post(am(amAlert(uniqueFingerprint(), 'firing', labels)));
    expect((await ticket(c.body.alerts[0].ticketId)).groupId).toBe(first.id);
  });

  it('lets only a token with alerts:write post alerts', async () => {
    const body = am(amAlert(uniqueFingerprint(), 'firing'));
    const readOnly = await createServiceToken(t, { scopes: ['tickets:read', 'tickets:write'] });
    const refused = await post(body, '', readOnly);
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    // A person, even an admin, is not a monitoring system.
    expect((await post(body, '', adminToken)).status).toBe(403);
    expect((await t.http().post(ALERTS).send(body)).status).toBe(401);
    const everything = await createServiceToken(t, { scopes: ['admin'] });
    expect((await post(body, '', everything)).status).toBe(200);
    const [{ n }] = await t.db.query(
      'SELECT count(*)::int AS n FROM alerts WHERE fingerprint = $1',
      [body.alerts[0].fingerprint],
    );
    expect(n).toBe(1);
  });

  it.each([
    ['not an object', [1, 2, 3], 400],
    ['no known format', { hello: 'world' }, 400],
    ['alerts not an array', { version: '4', receiver: 'r', alerts: 'x' }, 400],
    ['no alerts', am(), 400],
    [
      'too many alerts',
      am(...Array.from({ length: 101 }, (_, i) => amAlert(`m${i}`, 'firing'))),
      400,
    ],
    ['unknown status', am({ ...amAlert('s', 'firing'), status: 'burning' }), 400],
    ['label of another type', am({ ...amAlert('l', 'firing'), labels: { a: { b: 1 } } }), 400],
    [
      'too many labels',
      am({
        ...amAlert('l', 'firing'),
        labels: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])),
      }),
      400,
    ],
    ['label too long', am({ ...amAlert('l', 'firing'), labels: { a: 'x'.repeat(1001) } }), 400],
    ['bad time', am({ ...amAlert('t', 'firing'), startsAt: 'yesterday' }), 400],
    ['fingerprint not a string', am({ ...amAlert('f', 'firing'), fingerprint: 12 }), 400],
    ['another Alertmanager version', { ...am(amAlert('v', 'firing')), version: '3' }, 422],
    [
      'Zabbix without its macros expanded',
      { event_id: '{EVENT.ID}', status: 'PROBLEM', trigger_name: 'x' },
      422,
    ],
    ['Zabbix with an unknown status', { event_id: '1', status: 'MAYBE', trigger_name: 'x' }, 400],
    [
      'Zabbix tags not a list',
      { event_id: '1', status: 'PROBLEM', trigger_name: 'x', tags: 'a' },
      400,
    ],
    [
      'generic with an unknown field',
      { fingerprint: 'g', status: 'firing', title: 't', extra: 1 },
      400,
    ],
    ['generic without a title', { fingerprint: 'g', status: 'firing', title: '' }, 400],
    [
      'generic with labels as a list',
      { fingerprint: 'g', status: 'firing', title: 't', labels: ['a'] },
      400,
    ],
  ])('refuses %s with a problem, never a 500', async (_name, body, status) => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM alerts');
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(await t.db.query('SELECT count(*)::int AS n FROM alerts')).toEqual(before);
  });

  it('answers type-confused values in any field with a 2xx or a 4xx problem, never a 5xx', async () => {
    const hostile: unknown[] = [
      12,
      -1.5,
      true,
      null,
      [],
      {},
      ['a'],
      { a: { b: 1 } },
      'x'.repeat(5000),
      '\u0000',
    ];
    const bodies: [string, Record<string, unknown>, (v: unknown, k: string) => unknown][] = [
      ['alertmanager', amAlert('h', 'firing'), (v, k) => am({ ...amAlert('h', 'firing'), [k]: v })],
      [
        'zabbix',
        {
          event_id: '77',
          status: 'PROBLEM',
          recovery_event_id: '{EVENT.RECOVERY.ID}',
          trigger_name: 't',
          trigger_id: '1',
          trigger_description: 'd',
          severity: '3',
          host: 'h',
          host_ip: 'i',
          url: 'u',
          message: 'm',
          tags: [],
        },
        (v, k) => ({ event_id: '77', status: 'PROBLEM', trigger_name: 't', [k]: v }),
      ],
      [
        'generic',
        {
          fingerprint: 'g',
          status: 'firing',
          title: 't',
          description: 'd',
          severity: 's',
          labels: {},
          instance: 'i',
          url: 'u',
        },
        (v, k) => ({ fingerprint: 'g', status: 'firing', title: 't', [k]: v }),
      ],
    ];
    const seen = new Set<number>();
    for (const [format, valid, withValue] of bodies) {
      for (const key of Object.keys(valid)) {
        for (const value of hostile) {
          const res = await post(withValue(value, key), `?format=${format}`);
          seen.add(res.status);
          expect([format, key, value, res.status < 500]).toEqual([format, key, value, true]);
          if (res.status >= 400) {
            expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([200, 400]);
  });

  it('refuses an unknown ?format= and a body that is not JSON', async () => {
    expect((await post({ fingerprint: 'x' }, '?format=nagios')).status).toBe(400);
    const text = await t
      .http()
      .post(ALERTS)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send('{"alerts": [');
    expect(text.status).toBe(400);
  });

  describe('rule administration', () => {
    it('refuses references to nothing (422) and malformed conditions (400)', async () => {
      const missing = await admin.post(RULES, {
        name: 'Broken',
        groupId: '00000000-0000-4000-8000-000000000000',
        resolveStatus: 'no_such_status',
      });
      expect(missing.status).toBe(422);
      expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'groupId',
        'resolveStatus',
      ]);
      const bad = await admin.post(RULES, {
        name: 'Bad',
        matchers: [{ label: 'a', op: 'regex', value: '(a+)+$' }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toMatch(/^matchers\.0/);
    });

    it('is for admins only', async () => {
      const agent = await t.factory.user({ role: 'agent' });
      const res = await t
        .http()
        .get(RULES)
        .set('Authorization', `Bearer ${await t.tokenFor(agent.id)}`);
      expect(res.status).toBe(403);
      expect((await post({}, '', token)).status).toBe(400);
      const alertsToken = await t.http().get(RULES).set('Authorization', `Bearer ${token}`);
      expect(alertsToken.status).toBe(403);
    });
  });
});
