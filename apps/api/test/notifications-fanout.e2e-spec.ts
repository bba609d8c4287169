import { SchedulerRegistry } from '@nestjs/schedule';
import { DomainEvents } from '../src/common/events/domain-events';
import { EventLogListener } from '../src/common/events/event-log-listener';
import {
  FanOutWorker,
  MAX_FAN_OUT_ATTEMPTS,
} from '../src/modules/notifications/fan-out/fan-out.worker';
import { CommentAdded, SlaBreached, SlaReminderDue } from '../src/modules/tickets/index';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

interface NotificationRow {
  user_id: string;
  kind: string;
  ticket_id: string | null;
  data: Record<string, unknown>;
}
interface DeliveryRow {
  user_id: string;
  kind: string;
  channel: 'email' | 'sms';
  address: string;
  locale: string;
  ticket_id: string | null;
  event_id: string;
  status: string;
  data: Record<string, unknown>;
  automatic: boolean;
}
interface Ticket {
  id: string;
  number: number;
  version: number;
  subject: string;
}

const BASE = ['ticket', 'audience', 'actorName', 'timeZone'];
/** MailDataByKind's fields per kind (templates/mail-data.ts): deliveries.data has exactly these. */
const FIELDS: Record<string, string[]> = {
  ticket_acknowledged: [...BASE, 'firstResponseDueAt', 'resolutionDueAt', 'workingHours'],
  ticket_new: [...BASE, 'requesterName', 'organizationName', 'description'],
  ticket_assigned: [...BASE, 'assigneeName', 'groupName'],
  ticket_unassigned: [...BASE, 'newAssigneeName'],
  ticket_escalated: [...BASE, 'fromLevel', 'toLevel', 'groupName'],
  comment_public: [...BASE, 'commentId', 'authorName', 'body'],
  comment_internal: [...BASE, 'commentId', 'authorName', 'body'],
  status_changed: [...BASE, 'category', 'question', 'ratingUrl', 'acceptance'],
  ticket_reopened: BASE,
  sla_reminder: [...BASE, 'clock', 'dueAt', 'reminderPercent'],
  sla_breached: [...BASE, 'clock', 'dueAt'],
  sla_escalated: [...BASE, 'clock', 'dueAt'],
  deputyship_started: ['principal', 'deputy', 'startsAt', 'endsAt', 'timeZone'],
  deputyship_ended: ['principal', 'deputy', 'endsAt', 'reason', 'timeZone'],
};

/**
 * The notification fan-out (issue 14) on real PostgreSQL: each domain event becomes exactly the
 * expected in-app notifications and e-mail/SMS deliveries, computed when the fan-out runs, for the
 * people who may see the ticket, never the actor, never a client for staff business, by their
 * preferences; nothing for a rolled-back change; each once with two instances.
 */
describe('notification fan-out', () => {
  let t: TestApp;
  let w: World;
  let clientRu: Persona;
  /** A colleague of clientA who sees the organization's tickets. */
  let clientOrg: Persona;
  let deskMate: Persona;
  let deskBadPhone: Persona;
  let desk: { id: string; name: string };
  let project: { id: string };
  const label = new Map<string, string>();
  const allDeliveries: DeliveryRow[] = [];

  const api = (who: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    del: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', bearer(who)),
  });
  const persona = async (seed: Parameters<TestApp['factory']['user']>[0]): Promise<Persona> => {
    const u = await t.factory.user(seed);
    return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
  };
  const smsOptIn = (p: Persona, phone: string) =>
    t.db.query('UPDATE users SET phone = $2, sms_opt_in = true WHERE id = $1', [p.id, phone]);
  const group = async (body: object): Promise<{ id: string; name: string }> => {
    const res = await api(w.admin).post('/groups', body);
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    t.clock.set('2026-03-02T10:00:00Z'); // a Monday, 11:00 in Prague
    clientRu = await persona({
      role: 'client',
      organizationId: w.orgA.id,
      name: 'Klient RU',
      locale: 'ru',
    });
    clientOrg = await persona({
      role: 'client',
      organizationId: w.orgA.id,
      name: 'Client Org',
      canViewOrganizationTickets: true,
    });
    deskMate = await persona({ role: 'agent', name: 'Desk mate' });
    deskBadPhone = await persona({ role: 'agent', name: 'Desk bad phone' });
    await smsOptIn(deskMate, '+420777123456');
    await smsOptIn(deskBadPhone, '777 123 456');
    await smsOptIn(w.dispatcher, '+79991234567');
    desk = await group({
      name: 'Desk',
      supportLevel: 1,
      memberIds: [w.agent.id, deskMate.id, deskBadPhone.id],
    });
    await group({ name: 'Second line', supportLevel: 2, memberIds: [w.otherAgent.id] });
    [project] = (await t.db.query(
      `INSERT INTO projects (name, manager_id) VALUES ('Greenhouses', $1) RETURNING id`,
      [w.dispatcher.id],
    )) as { id: string }[];
    // The project's notification list: an admin (sees everything) and a staff member who sees
    // none of the tickets below.
    await t.db.query(
      `INSERT INTO project_watchers (project_id, user_id) VALUES ($1, $2), ($1, $3)`,
      [project.id, w.admin.id, w.departmentMember.id],
    );
    const fiveDays = [{ start: '09:00', end: '17:00' }];
    const cal = await api(w.admin).post('/sla/calendars', {
      name: 'Prague office',
      timeZone: 'Europe/Prague',
      week: { mon: fiveDays, tue: fiveDays, wed: fiveDays, thu: fiveDays, fri: fiveDays },
    });
    expect(cal.status).toBe(201);
    const policy = await api(w.admin).post('/sla/policies', {
      name: 'Urgent',
      position: 0,
      calendarId: cal.body.id,
      conditions: { priorities: ['urgent'] },
      firstResponseSeconds: 3600,
      resolutionSeconds: 8 * 3600,
    });
    expect(policy.status).toBe(201);
    for (const [name, p] of Object.entries({ ...w, clientRu, clientOrg, deskMate, deskBadPhone })) {
      if (typeof p === 'object' && p && 'token' in p) label.set(p.id, name);
    }
  });
  afterAll(() => t.close());

  const who = (id: string) => label.get(id) ?? id;

  /** What `action` caused once fanned out: the new notifications and deliveries. */
  async function news(action: () => Promise<unknown>) {
    await t.drainNotifications();
    const before = (await t.db.query('SELECT id FROM notifications')) as { id: string }[];
    const [{ last }] = (await t.db.query(
      'SELECT coalesce(max(id), 0)::text AS last FROM event_log',
    )) as { last: string }[];
    await action();
    await t.drainNotifications();
    const notifications = (await t.db.query(
      `SELECT user_id, kind, ticket_id, data FROM notifications WHERE NOT (id = ANY($1::uuid[]))`,
      [before.map((b) => b.id)],
    )) as NotificationRow[];
    const deliveries = (await t.db.query(
      `SELECT user_id, kind, channel, address, locale, ticket_id, event_id::text, status, data,
              automatic
         FROM deliveries WHERE event_id > $1 ORDER BY id`,
      [last],
    )) as DeliveryRow[];
    allDeliveries.push(...deliveries);
    return {
      told: notifications.map((n) => `${who(n.user_id)}:${n.kind}`).sort(),
      sent: deliveries.map((d) => `${who(d.user_id)}:${d.kind}:${d.channel}`).sort(),
      notifications,
      deliveries,
      mail: (person: Persona, kind: string, channel = 'email') =>
        deliveries.find((d) => d.user_id === person.id && d.kind === kind && d.channel === channel),
      inApp: (person: Persona, kind: string) =>
        notifications.find((n) => n.user_id === person.id && n.kind === kind),
    };
  }

  const file = async (by: Persona, body: object): Promise<Ticket> => {
    const res = await api(by).post('/tickets', { subject: 'Irrigation is off', ...body });
    expect(res.status).toBe(201);
    return res.body;
  };
  const current = async (id: string): Promise<Ticket> =>
    (await api(w.admin).get(`/tickets/${id}`)).body;
  const transition = async (by: Persona, id: string, body: object) => {
    const res = await api(by).post(`/tickets/${id}/transitions`, {
      version: (await current(id)).version,
      ...body,
    });
    expect(res.status).toBe(200);
  };
  const comment = async (by: Persona, id: string, body: string, internal = false) => {
    const res = await api(by).post(`/tickets/${id}/comments`, { body, internal });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  /** A ticket of clientA worked by the agent in Desk, in the project, with watchers. */
  const worked = async (): Promise<Ticket> => {
    const ticket = await file(w.dispatcher, {
      requesterId: w.clientA.id,
      groupId: desk.id,
      assigneeId: w.agent.id,
      projectId: project.id,
      description: 'Row 3 gets no water',
    });
    await t.db.query(
      `INSERT INTO ticket_watchers (ticket_id, user_id) VALUES ($1, $2), ($1, $3), ($1, $4), ($1, $5)`,
      // clientOrg sees it; clientA2 and clientB do not; neither does the other agent.
      [ticket.id, clientOrg.id, w.clientA2.id, w.clientB.id, w.otherAgent.id],
    );
    await t.drainNotifications();
    return ticket;
  };

  describe('ticket created', () => {
    it('a client’s ticket: a receipt with the calendar’s hours in their language, “new” to the dispatchers', async () => {
      let ticket!: Ticket;
      const r = await news(async () => {
        ticket = await file(clientRu, { description: 'Полив не работает' });
      });
      expect(r.told).toEqual(['clientRu:ticket_acknowledged', 'dispatcher:ticket_new']);
      // Not urgent: no SMS for the dispatcher, opted in as they are.
      expect(r.sent).toEqual(['clientRu:ticket_acknowledged:email', 'dispatcher:ticket_new:email']);
      const receipt = r.mail(clientRu, 'ticket_acknowledged')!;
      expect(receipt).toMatchObject({ address: clientRu.email, locale: 'ru', status: 'pending' });
      expect(receipt.data).toEqual({
        ticket: {
          id: ticket.id,
          number: ticket.number,
          subject: 'Irrigation is off',
          priority: 'normal',
          statusName: 'Открыта',
        },
        audience: 'client',
        actorName: 'Klient RU',
        timeZone: 'Europe/Prague',
        firstResponseDueAt: null,
        resolutionDueAt: null,
        workingHours: 'пн–пт 09:00–17:00',
      });
      expect(r.mail(w.dispatcher, 'ticket_new')!.data).toEqual({
        ticket: {
          id: ticket.id,
          number: ticket.number,
          subject: 'Irrigation is off',
          priority: 'normal',
          statusName: 'Open',
        },
        audience: 'staff',
        actorName: 'Klient RU',
        timeZone: 'Europe/Prague',
        requesterName: 'Klient RU',
        organizationName: 'Org A',
        description: 'Полив не работает',
      });
      expect(r.inApp(w.dispatcher, 'ticket_new')!.ticket_id).toBe(ticket.id);
    });

    it('an urgent ticket filed by staff: the promised SLA times, “new” to the group but the actor, SMS to valid opted-in numbers', async () => {
      let ticket!: Ticket & { sla: { firstResponseDueAt: string; resolutionDueAt: string } };
      const r = await news(async () => {
        ticket = (await file(w.agent, {
          requesterId: w.clientA.id,
          groupId: desk.id,
          priority: 'urgent',
        })) as typeof ticket;
      });
      expect(r.told).toEqual([
        'clientA:ticket_acknowledged',
        'deskBadPhone:ticket_new',
        'deskMate:ticket_new',
      ]);
      expect(r.sent).toEqual([
        'clientA:ticket_acknowledged:email',
        'deskBadPhone:ticket_new:email',
        'deskMate:ticket_new:email',
        'deskMate:ticket_new:sms',
      ]);
      expect(r.mail(deskMate, 'ticket_new', 'sms')).toMatchObject({
        address: '+420777123456',
        locale: 'en',
      });
      expect(ticket.sla.firstResponseDueAt).toBeTruthy();
      expect(r.mail(w.clientA, 'ticket_acknowledged')!.data).toMatchObject({
        actorName: 'Agent',
        firstResponseDueAt: ticket.sla.firstResponseDueAt,
        resolutionDueAt: ticket.sla.resolutionDueAt,
        workingHours: null,
      });
    });

    it('filed straight to someone: they hear of it too, the desk as usual, the actor not', async () => {
      const r = await news(() =>
        file(w.dispatcher, { requesterId: w.clientA.id, assigneeId: w.otherAgent.id }),
      );
      expect(r.told).toEqual(['clientA:ticket_acknowledged', 'otherAgent:ticket_new']);
    });

    it('tells nobody who was deactivated between the change and the fan-out', async () => {
      const late = await persona({ role: 'agent', name: 'Leaving agent' });
      const night = await group({ name: 'Night shift', memberIds: [late.id] });
      const r = await news(async () => {
        await file(w.dispatcher, { requesterId: w.clientA.id, groupId: night.id });
        await t.db.query('UPDATE users SET active = false WHERE id = $1', [late.id]);
      });
      expect(r.told).toEqual(['clientA:ticket_acknowledged']);
      expect(r.sent).toEqual(['clientA:ticket_acknowledged:email']);
    });
  });

  it('assignment: the new assignee and the previous one', async () => {
    const ticket = await worked();
    const r = await news(() =>
      api(w.dispatcher)
        .post(`/tickets/${ticket.id}/assignment`, {
          version: ticket.version,
          assigneeId: deskMate.id,
          groupId: desk.id,
        })
        .expect(200),
    );
    expect(r.told).toEqual(['agent:ticket_unassigned', 'deskMate:ticket_assigned']);
    expect(r.sent).toEqual(['agent:ticket_unassigned:email', 'deskMate:ticket_assigned:email']);
    expect(r.mail(deskMate, 'ticket_assigned')!.data).toMatchObject({
      actorName: 'Dispatcher',
      assigneeName: 'Desk mate',
      groupName: 'Desk',
    });
    expect(r.mail(w.agent, 'ticket_unassigned')!.data).toMatchObject({
      newAssigneeName: 'Desk mate',
    });
  });

  it('escalation: the next level’s group hears of it, SMS when urgent', async () => {
    const ticket = await file(w.dispatcher, {
      requesterId: w.clientA.id,
      groupId: desk.id,
      assigneeId: w.agent.id,
      priority: 'urgent',
    });
    await smsOptIn(w.otherAgent, '+420600000001');
    const r = await news(() =>
      api(w.agent)
        .post(`/tickets/${ticket.id}/escalation`, { version: ticket.version, reason: 'Pumps' })
        .expect(200),
    );
    // The agent escalated it away from themselves: they are the actor of both events.
    expect(r.told).toEqual(['otherAgent:ticket_escalated']);
    expect(r.sent).toEqual([
      'otherAgent:ticket_escalated:email',
      'otherAgent:ticket_escalated:sms',
    ]);
    expect(r.mail(w.otherAgent, 'ticket_escalated')!.data).toMatchObject({
      fromLevel: 1,
      toLevel: 2,
      groupName: 'Second line',
    });
  });

  describe('comments', () => {
    it('a public reply from staff: the requester and the watchers who may see the ticket', async () => {
      const ticket = await worked();
      let c!: { id: string };
      const r = await news(async () => {
        c = await comment(w.agent, ticket.id, 'A valve was closed; open now.');
      });
      // clientA2, clientB, the other agent and the department member watch but cannot see it;
      // the agent wrote it.
      expect(r.told).toEqual([
        'admin:comment_public',
        'clientA:comment_public',
        'clientOrg:comment_public',
      ]);
      expect(r.mail(w.clientA, 'comment_public')!.data).toMatchObject({
        audience: 'client',
        commentId: c.id,
        authorName: 'Agent',
        body: 'A valve was closed; open now.',
      });
      // The agent's words go out as the agent's message, not as automatic mail (RFC 3834).
      expect(r.mail(w.clientA, 'comment_public')!.automatic).toBe(false);
      const internal = await news(() => comment(w.agent, ticket.id, 'Closed valve 3', true));
      expect(internal.mail(w.admin, 'comment_internal')!.automatic).toBe(true);
    });

    it('an internal note: staff participants only, never a client by any channel', async () => {
      const ticket = await worked();
      const r = await news(() => comment(w.agent, ticket.id, 'Valve 7 is broken again', true));
      expect(r.told).toEqual([
        'admin:comment_internal',
        'deskBadPhone:comment_internal',
        'deskMate:comment_internal',
      ]);
      const clients = [w.clientA, w.clientA2, w.clientB, clientOrg].map((p) => p.id);
      expect(r.notifications.filter((n) => clients.includes(n.user_id))).toEqual([]);
      expect(r.deliveries.filter((d) => clients.includes(d.user_id))).toEqual([]);
      expect(r.deliveries.map((d) => d.data.audience)).toEqual(['staff', 'staff', 'staff']);

      // Not even a client who sees the ticket and was (wrongly) made its assignee.
      await t.db.query('UPDATE tickets SET assignee_id = $2 WHERE id = $1', [
        ticket.id,
        clientOrg.id,
      ]);
      const again = await news(() => comment(w.agent, ticket.id, 'Valve 8 too', true));
      expect(again.told).not.toContain('clientOrg:comment_internal');
      expect(again.deliveries.filter((d) => clients.includes(d.user_id))).toEqual([]);
      expect(again.told).toContain('deskMate:comment_internal');
    });

    it('a client’s reply: the assignee, or the group when nobody is assigned', async () => {
      const assigned = await worked();
      let r = await news(() => comment(w.clientA, assigned.id, 'Still dry'));
      expect(r.told).toEqual(['agent:comment_public']);
      const unassigned = await file(w.clientA, {});
      await t.db.query('UPDATE tickets SET group_id = $2 WHERE id = $1', [unassigned.id, desk.id]);
      r = await news(() => comment(w.clientA, unassigned.id, 'Anyone?'));
      expect(r.told).toEqual([
        'agent:comment_public',
        'deskBadPhone:comment_public',
        'deskMate:comment_public',
      ]);
    });
  });

  describe('status changes', () => {
    it('a question to the client carries the comment that came with it', async () => {
      const ticket = await worked();
      const r = await news(() =>
        transition(w.agent, ticket.id, {
          to: 'needs_clarification',
          comment: 'Which row exactly?',
          postponeUntil: '2026-03-05T10:00:00Z',
        }),
      );
      // The clients read the question in the status change, not twice; staff watchers get the
      // comment.
      expect(r.told).toEqual([
        'admin:comment_public',
        'clientA:status_changed',
        'clientOrg:status_changed',
      ]);
      expect(r.mail(w.clientA, 'status_changed')!.data).toMatchObject({
        ticket: expect.objectContaining({ statusName: 'Needs clarification' }),
        category: 'pending',
        question: 'Which row exactly?',
        ratingUrl: null,
        acceptance: false,
      });
    });

    it('resolved: the requester gets the signed rating link and Accept/Reject, in the mail only', async () => {
      const ticket = await worked();
      const r = await news(() => transition(w.agent, ticket.id, { to: 'resolved' }));
      expect(r.told).toEqual(['clientA:status_changed', 'clientOrg:status_changed']);
      const mail = r.mail(w.clientA, 'status_changed')!.data;
      expect(mail).toMatchObject({ category: 'resolved', question: null, acceptance: true });
      const prefix = `${t.config.publicUrl.replace(/\/$/, '')}/api/v1/public/ratings/`;
      expect(String(mail.ratingUrl).startsWith(prefix)).toBe(true);
      const page = await t.http().get(new URL(String(mail.ratingUrl)).pathname);
      expect(page.status).toBe(200);
      // A watcher neither rates nor accepts; the bell never keeps the link.
      expect(r.mail(clientOrg, 'status_changed')!.data).toMatchObject({
        ratingUrl: null,
        acceptance: false,
      });
      expect(r.inApp(w.clientA, 'status_changed')!.data).not.toHaveProperty('ratingUrl');
      expect(r.inApp(w.clientA, 'status_changed')!.data).toMatchObject({ acceptance: true });
    });

    it('reopened by the client: the assignee; closed: the requester', async () => {
      const ticket = await worked();
      await transition(w.agent, ticket.id, { to: 'resolved' });
      let r = await news(() => transition(w.clientA, ticket.id, { to: 'open' }));
      expect(r.told).toEqual(['agent:ticket_reopened']);
      // A resolution with a note: the clients read the note in the status change, not twice.
      r = await news(() =>
        transition(w.agent, ticket.id, { to: 'resolved', comment: 'Replaced the valve.' }),
      );
      expect(r.told).toEqual([
        'admin:comment_public',
        'clientA:status_changed',
        'clientOrg:status_changed',
      ]);
      expect(r.mail(w.clientA, 'status_changed')!.data).toMatchObject({
        category: 'resolved',
        question: 'Replaced the valve.',
      });
      await transition(w.clientA, ticket.id, { to: 'open' });
      await transition(w.agent, ticket.id, { to: 'resolved' });
      r = await news(() => transition(w.dispatcher, ticket.id, { to: 'closed' }));
      expect(r.told).toEqual(['clientA:status_changed', 'clientOrg:status_changed']);
      expect(r.mail(w.clientA, 'status_changed')!.data).toMatchObject({
        category: 'closed',
        ratingUrl: null,
      });
    });
  });

  it('SLA: owners hear of the reminder and the breach, the supervisor of its escalation (SMS by default)', async () => {
    const ticket = await worked();
    await t.db.query('UPDATE groups SET lead_id = $2 WHERE id = $1', [desk.id, w.dispatcher.id]);
    const owners = { assigneeId: w.agent.id, groupId: desk.id };
    const dueAt = new Date('2026-03-02T11:00:00Z');
    const r = await news(() =>
      t.db.transaction((em) =>
        t.app
          .get(DomainEvents)
          .publish(
            em,
            new SlaReminderDue(ticket.id, 'first_response', dueAt, 75, owners, t.clock.now()),
            new SlaBreached(ticket.id, 'first_response', dueAt, null, owners, t.clock.now()),
          ),
      ),
    );
    await t.db.query('UPDATE groups SET lead_id = NULL WHERE id = $1', [desk.id]);
    expect(r.told).toEqual([
      'agent:sla_breached',
      'agent:sla_reminder',
      'dispatcher:sla_escalated',
    ]);
    expect(r.sent).toEqual([
      'agent:sla_breached:email',
      'agent:sla_reminder:email',
      'dispatcher:sla_escalated:email',
      'dispatcher:sla_escalated:sms',
    ]);
    expect(r.mail(w.agent, 'sla_reminder')!.data).toMatchObject({
      clock: 'first_response',
      dueAt: dueAt.toISOString(),
      reminderPercent: 75,
      actorName: null,
    });
  });

  it('deputyship: principal and deputy, whoever set it up', async () => {
    let id!: string;
    const r = await news(async () => {
      const res = await api(w.otherAgent).post('/me/deputies', {
        deputyId: w.departmentMember.id,
        startsAt: '2026-03-03T00:00:00Z',
        endsAt: '2026-03-06T00:00:00Z',
      });
      expect(res.status).toBe(201);
      id = res.body.id;
    });
    expect(r.told).toEqual([
      'departmentMember:deputyship_started',
      'otherAgent:deputyship_started',
    ]);
    expect(r.mail(w.departmentMember, 'deputyship_started')!.data).toEqual({
      principal: { id: w.otherAgent.id, name: 'Other agent' },
      deputy: { id: w.departmentMember.id, name: 'Member' },
      startsAt: '2026-03-03T00:00:00.000Z',
      endsAt: '2026-03-06T00:00:00.000Z',
      timeZone: 'UTC',
    });
    expect(r.inApp(w.otherAgent, 'deputyship_started')!.data).toMatchObject({ deputyshipId: id });

    t.clock.advance(60_000);
    const ended = await news(() => api(w.otherAgent).del(`/me/deputies/${id}`).expect(204));
    expect(ended.told).toEqual([
      'departmentMember:deputyship_ended',
      'otherAgent:deputyship_ended',
    ]);
    expect(ended.mail(w.otherAgent, 'deputyship_ended')!.data).toEqual({
      principal: { id: w.otherAgent.id, name: 'Other agent' },
      deputy: { id: w.departmentMember.id, name: 'Member' },
      endsAt: t.clock.now().toISOString(),
      reason: 'ended',
      timeZone: 'UTC',
    });
    expect(ended.inApp(w.departmentMember, 'deputyship_ended')!.data).toMatchObject({
      deputyshipId: id,
      endedAt: t.clock.now().toISOString(),
    });
  });

  describe('preferences', () => {
    afterEach(async () => {
      await t.db.query('DELETE FROM notification_preferences');
      await t.db.query(`UPDATE notification_defaults SET enabled = true
                         WHERE kind = 'comment_public' AND channel = 'email'`);
    });

    it('a user’s own choice beats the default, per channel', async () => {
      const ticket = await worked();
      await t.db.query(
        `INSERT INTO notification_preferences (user_id, kind, channel, enabled)
         VALUES ($1, 'comment_public', 'in_app', false), ($2, 'comment_public', 'email', false)`,
        [w.clientA.id, clientOrg.id],
      );
      const r = await news(() => comment(w.agent, ticket.id, 'Fixed'));
      expect(r.told).toEqual(['admin:comment_public', 'clientOrg:comment_public']);
      expect(r.sent).toEqual(['admin:comment_public:email', 'clientA:comment_public:email']);
    });

    it('a default turned off by an admin holds for everyone without a choice of their own', async () => {
      const ticket = await worked();
      await t.db.query(`UPDATE notification_defaults SET enabled = false
                         WHERE kind = 'comment_public' AND channel = 'email'`);
      await t.db.query(
        `INSERT INTO notification_preferences (user_id, kind, channel, enabled)
         VALUES ($1, 'comment_public', 'email', true)`,
        [clientOrg.id],
      );
      const r = await news(() => comment(w.agent, ticket.id, 'Fixed'));
      expect(r.sent).toEqual(['clientOrg:comment_public:email']);
      expect(r.told).toHaveLength(3);
    });
  });

  it('a rolled-back change leaves no event and tells nobody', async () => {
    const ticket = await worked();
    const c = await t.factory.comment(ticket.id, w.agent.id, 'draft');
    const r = await news(async () => {
      await expect(
        t.db.transaction(async (em) => {
          await t.app
            .get(DomainEvents)
            .publish(
              em,
              new CommentAdded(ticket.id, c.id, w.agent.id, false, false, t.clock.now()),
            );
          throw new Error('the change fails after its event');
        }),
      ).rejects.toThrow('the change fails');
    });
    expect(r.told).toEqual([]);
    expect(r.sent).toEqual([]);
    const logged = (await t.db.query(
      `SELECT count(*)::int AS n FROM event_log WHERE name = 'ticket.comment_added' AND ticket_id = $1`,
      [ticket.id],
    )) as { n: number }[];
    expect(logged[0].n).toBe(0);
  });

  it('two instances draining at once: each notification and delivery exactly once', async () => {
    await t.drainNotifications();
    const second = await t.secondInstance();
    const tickets: string[] = [];
    for (let i = 0; i < 30; i++)
      tickets.push((await file(w.clientA, { subject: `Burst ${i}` })).id);
    const drains = await Promise.all([
      t.drainNotifications(),
      t.drainNotifications(),
      second.get(FanOutWorker).drain(),
      second.get(FanOutWorker).drain(),
    ]);
    // Between them they fanned out each of the 30 creations once.
    expect(drains.reduce((n, d) => n + d.events, 0)).toBe(30);
    const counts = (await t.db.query(
      `SELECT (SELECT count(*)::int FROM notifications WHERE ticket_id = ANY($1)) AS notifications,
              (SELECT count(DISTINCT (user_id, ticket_id, kind))::int FROM notifications
                WHERE ticket_id = ANY($1)) AS distinct_notifications,
              (SELECT count(*)::int FROM deliveries WHERE ticket_id = ANY($1)) AS deliveries,
              (SELECT count(DISTINCT (user_id, ticket_id, kind, channel))::int FROM deliveries
                WHERE ticket_id = ANY($1)) AS distinct_deliveries,
              (SELECT count(*)::int FROM event_log WHERE ticket_id = ANY($1)
                AND fanned_out_at IS NULL) AS pending`,
      [tickets],
    )) as Record<string, number>[];
    // Each ticket: clientA's receipt and the dispatcher's "new", in the bell and by e-mail.
    expect(counts[0]).toEqual({
      notifications: 60,
      distinct_notifications: 60,
      deliveries: 60,
      distinct_deliveries: 60,
      pending: 0,
    });
  });

  it('a poison event is retried, recorded and set aside without blocking the ones behind it', async () => {
    const ticket = await worked();
    let id!: string;
    const r = await news(async () => {
      [{ id }] = (await t.db.query(
        `INSERT INTO event_log (name, ticket_id, actor_id, payload)
         VALUES ('ticket.comment_added', $1, $2, $3) RETURNING id::text`,
        [
          ticket.id,
          w.agent.id,
          JSON.stringify({ ticketId: ticket.id, commentId: 'not-a-uuid', authorId: w.agent.id }),
        ],
      )) as { id: string }[];
      await comment(w.clientA, ticket.id, 'Behind the poison');
    });
    expect(r.told).toEqual(['agent:comment_public']);
    const row = async () =>
      (
        (await t.db.query(
          `SELECT fan_out_attempts, fan_out_error, fanned_out_at FROM event_log WHERE id = $1`,
          [id],
        )) as { fan_out_attempts: number; fan_out_error: string; fanned_out_at: Date | null }[]
      )[0];
    expect(await row()).toMatchObject({ fan_out_attempts: 1, fanned_out_at: null });
    expect((await row()).fan_out_error).toMatch(/uuid/);
    for (let i = 2; i <= MAX_FAN_OUT_ATTEMPTS; i++) await t.drainNotifications();
    const setAside = await row();
    expect(setAside.fan_out_attempts).toBe(MAX_FAN_OUT_ATTEMPTS);
    expect(setAside.fanned_out_at).not.toBeNull();
    expect((await t.drainNotifications()).failed).toBe(0);
  });

  it('every delivery carries exactly the fields of its kind’s mail data', () => {
    expect(allDeliveries.length).toBeGreaterThan(30);
    const wrong = allDeliveries
      .filter((d) => Object.keys(d.data).sort().join() !== [...FIELDS[d.kind]].sort().join())
      .map((d) => ({ kind: d.kind, keys: Object.keys(d.data).sort() }));
    expect(wrong).toEqual([]);
    const kinds = new Set(allDeliveries.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(Object.keys(FIELDS).sort());
  });
});

describe('notification fan-out with the scheduler on', () => {
  it('runs after each commit woken by its NOTIFY, with its 3 s loop taken away', async () => {
    const t = await startTestApp({ schedulerEnabled: true });
    try {
      // Without its loop only the NOTIFY can run the fan-out: what arrives proves the wake-up,
      // however busy the machine (a wall-clock deadline against the 3 s loop failed under load).
      const registry = t.app.get(SchedulerRegistry);
      expect(registry.getIntervals()).toContain('notification-fan-out');
      registry.deleteInterval('notification-fan-out');
      const org = await t.factory.organization();
      const client = await t.factory.user({ role: 'client', organizationId: org.id });
      await t.factory.user({ role: 'dispatcher' });
      const token = await t.tokenFor(client.id);
      await t.app.get(EventLogListener).ready();
      // Each commit on its own: a wake-up that served only the first would leave the others.
      for (let i = 0; i < 3; i++) {
        const res = await t
          .http()
          .post('/api/v1/tickets')
          .set('Authorization', `Bearer ${token}`)
          .send({ subject: `Wake up ${i}` });
        expect(res.status).toBe(201);
        const deadline = Date.now() + 20_000;
        let told = 0;
        while (told < 2 && Date.now() < deadline) {
          const rows = (await t.db.query(
            'SELECT count(*)::int AS n FROM notifications WHERE ticket_id = $1',
            [res.body.id],
          )) as { n: number }[];
          told = rows[0].n;
          if (told < 2) await new Promise((r) => setTimeout(r, 20));
        }
        expect(told).toBe(2); // the receipt and the dispatcher's "new"
      }
    } finally {
      await t.close();
    }
  });
});

describe('notification fan-out with SMS off', () => {
  let t: TestApp;
  beforeAll(async () => {
    // What production without SMS_DRIVER runs with: the disabled gateway.
    t = await startTestApp({ smsDriver: null });
  });
  afterAll(() => t.close());

  it('queues no SMS row (it could only fail), and the e-mail as usual', async () => {
    const w = await buildWorld(t);
    await t.db.query('UPDATE users SET phone = $2, sms_opt_in = true WHERE id = $1', [
      w.agent.id,
      '+420777123456',
    ]);
    const group = await t
      .http()
      .post('/api/v1/groups')
      .set('Authorization', bearer(w.admin))
      .send({ name: 'Night desk', memberIds: [w.agent.id] });
    expect(group.status).toBe(201);
    const ticket = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', bearer(w.dispatcher))
      .send({
        subject: 'Server room flooded',
        requesterId: w.clientA.id,
        groupId: group.body.id,
        priority: 'urgent',
      });
    expect(ticket.status).toBe(201);
    await t.drainNotifications();
    const rows = (await t.db.query(
      `SELECT channel FROM deliveries WHERE ticket_id = $1 AND user_id = $2 ORDER BY channel`,
      [ticket.body.id, w.agent.id],
    )) as { channel: string }[];
    expect(rows.map((r) => r.channel)).toEqual(['email']);
  });
});
