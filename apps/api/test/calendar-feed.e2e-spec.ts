import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Event {
  props: Map<string, string>;
}

/** RFC 5545 unescaping of a TEXT value. */
const unescape = (v: string) =>
  v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/**
 * Parses a calendar the way a calendar app does: CRLF line breaks, folded lines joined again
 * (CRLF followed by one space), one property per line. Fails on anything that breaks the format.
 */
function parse(text: string): { lines: string[]; calendar: Map<string, string>; events: Event[] } {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/); // no bare CR or LF anywhere
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
  const calendar = new Map<string, string>();
  const events: Event[] = [];
  let current: Event | null = null;
  for (const line of lines.slice(1, -1)) {
    if (line === 'BEGIN:VEVENT') {
      expect(current).toBeNull();
      current = { props: new Map() };
      continue;
    }
    if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
      continue;
    }
    const colon = line.indexOf(':');
    expect(colon).toBeGreaterThan(0);
    (current ? current.props : calendar).set(line.slice(0, colon), line.slice(colon + 1));
  }
  expect(current).toBeNull();
  return { lines, calendar, events };
}

describe('calendar feed', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp({ publicUrl: 'https://help.example.com/desk' });
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const api = (who: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    // A forged Host must never end up in an address we hand out.
    post: (path: string) =>
      t
        .http()
        .post(`/api/v1${path}`)
        .set('Authorization', bearer(who))
        .set('Host', 'attacker.example')
        .set('X-Forwarded-Host', 'attacker.example'),
    del: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', bearer(who)),
  });
  const due = (ms: number) => new Date(t.clock.now().getTime() + ms);
  const newFeed = async (who: Persona): Promise<{ url: string; path: string }> => {
    const res = await api(who).post('/me/calendar-feed');
    expect(res.status).toBe(201);
    return res.body as { url: string; path: string };
  };
  const fetchFeed = (path: string) => t.http().get(path).buffer(true);
  const uids = (events: Event[]) => events.map((e) => e.props.get('UID'));

  it('creates, shows, rotates and revokes the address; only a hash is stored', async () => {
    const me = api(w.agent);
    expect((await me.get('/me/calendar-feed')).body).toEqual({ exists: false, createdAt: null });
    const first = await newFeed(w.agent);
    expect(first.path).toMatch(/^\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(first.url).toBe(`https://help.example.com/desk${first.path}`);
    expect(first.url.endsWith(first.path)).toBe(true);
    expect((await me.get('/me/calendar-feed')).body).toEqual({
      exists: true,
      createdAt: t.clock.now().toISOString(),
    });
    const token = /feeds\/(.+)\.ics$/.exec(first.path)![1];
    const stored = await t.db.query('SELECT token_hash FROM calendar_feeds WHERE user_id = $1', [
      w.agent.id,
    ]);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    const ok = await fetchFeed(first.path);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ok.headers['cache-control']).toBe('no-store');

    // Rotating: the old address is dead at once, the new one works.
    const second = await newFeed(w.agent);
    expect(second.path).not.toBe(first.path);
    expect((await fetchFeed(first.path)).status).toBe(404);
    expect((await fetchFeed(second.path)).status).toBe(200);

    // Revoking: nothing works, and saying so twice is fine.
    expect((await me.del('/me/calendar-feed')).status).toBe(204);
    expect((await me.del('/me/calendar-feed')).status).toBe(204);
    expect((await fetchFeed(second.path)).status).toBe(404);
    expect((await me.get('/me/calendar-feed')).body.exists).toBe(false);
  });

  it('answers 404, as problem+json without internals, for unknown and malformed tokens', async () => {
    for (const path of [
      `/api/v1/calendar-feeds/${'A'.repeat(43)}.ics`,
      '/api/v1/calendar-feeds/short.ics',
      `/api/v1/calendar-feeds/${'A'.repeat(43)}`,
      `/api/v1/calendar-feeds/${'%27%3B--'.repeat(8)}.ics`,
    ]) {
      const res = await fetchFeed(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.text).not.toMatch(/at .+\.(ts|js):\d+|SELECT|token_hash/);
    }
  });

  it('lists the user’s own visible tickets with a due date in the window, escaped and folded', async () => {
    const subject =
      'Насос, фильтр; замена\nсрочно — backslash \\ and a long tail to make the line fold twice over';
    const assigned = await t.factory.ticket({
      subject,
      assigneeId: w.departmentMember.id,
      status: 'in_progress',
      dueAt: due(2 * DAY),
    });
    const requested = await t.factory.ticket({
      requesterId: w.departmentMember.id,
      assigneeId: w.otherAgent.id,
      groupId: w.otherGroup.id,
      dueAt: due(5 * DAY),
    });
    const lastWeek = await t.factory.ticket({
      assigneeId: w.departmentMember.id,
      dueAt: due(-7 * DAY),
    });
    const excluded = await Promise.all([
      t.factory.ticket({ assigneeId: w.departmentMember.id }), // no due date
      t.factory.ticket({ assigneeId: w.departmentMember.id, dueAt: due(-31 * DAY) }),
      t.factory.ticket({ assigneeId: w.departmentMember.id, dueAt: due(366 * DAY) }),
      t.factory.ticket({
        assigneeId: w.departmentMember.id,
        status: 'closed',
        dueAt: due(DAY),
      }),
      // Visible to them (unassigned), but not theirs; and a colleague's.
      t.factory.ticket({ dueAt: due(DAY) }),
      t.factory.ticket({ assigneeId: w.departmentHead.id, dueAt: due(DAY) }),
    ]);

    const feed = await newFeed(w.departmentMember);
    const res = await fetchFeed(feed.path);
    expect(res.status).toBe(200);
    const { lines, calendar, events } = parse(res.text);
    expect(calendar.get('VERSION')).toBe('2.0');
    expect(calendar.get('PRODID')).toBeTruthy();
    expect(uids(events)).toEqual([
      `ticket-${lastWeek.id}@relaydesk`,
      `ticket-${assigned.id}@relaydesk`,
      `ticket-${requested.id}@relaydesk`,
    ]);
    for (const x of excluded) expect(res.text).not.toContain(x.id);

    const e = events[1].props;
    const dueAt = due(2 * DAY);
    const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('.000', '');
    expect(e.get('DTSTART')).toBe(stamp(dueAt));
    expect(e.get('DTEND')).toBe(stamp(new Date(dueAt.getTime() + 30 * 60_000)));
    expect(e.get('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(e.get('SUMMARY')).toBe(
      `#${assigned.number} Насос\\, фильтр\\; замена\\nсрочно — backslash \\\\ and a long tail to make the line fold twice over`,
    );
    expect(unescape(e.get('SUMMARY')!)).toBe(`#${assigned.number} ${subject}`);
    expect(unescape(e.get('DESCRIPTION')!)).toBe(
      `Status: In progress\nPriority: normal\n/agent/tickets/${assigned.number}`,
    );
    expect(e.get('URL')).toBe(`https://help.example.com/desk/agent/tickets/${assigned.number}`);
    // The long Cyrillic summary was folded, and joined back it is intact.
    expect(res.text).toContain('\r\n ');
    expect(lines.filter((l) => l.startsWith('SUMMARY:'))).toHaveLength(3);

    // The UID is stable: the same after an edit and another fetch.
    await t.db.query(`UPDATE tickets SET subject = 'Renamed', updated_at = now() WHERE id = $1`, [
      assigned.id,
    ]);
    const again = parse((await fetchFeed(feed.path)).text);
    expect(uids(again.events)).toEqual(uids(events));
    expect(again.events[1].props.get('SUMMARY')).toBe(`#${assigned.number} Renamed`);
  });

  it('shows the SLA resolution deadline when a ticket has no manual due date', async () => {
    const feed = await newFeed(w.otherAgent);
    const slaOnly = await t.factory.ticket({ assigneeId: w.otherAgent.id, status: 'open' });
    const deadline = due(3 * DAY);
    await t.db.query('UPDATE tickets SET resolution_due_at = $2 WHERE id = $1', [
      slaOnly.id,
      deadline,
    ]);
    const { events } = parse((await fetchFeed(feed.path)).text);
    const event = events.find((e) => e.props.get('UID') === `ticket-${slaOnly.id}@relaydesk`);
    expect(event?.props.get('DTSTART')).toBe(
      deadline.toISOString().replace(/[-:]/g, '').replace('.000', ''),
    );
  });

  it('applies the visibility rule: a client sees public types only; a deactivated user gets 404', async () => {
    const client = await t.factory.user({ role: 'client', organizationId: w.orgA.id });
    const publicOne = await t.factory.ticket({
      requesterId: client.id,
      organizationId: w.orgA.id,
      typeKey: 'microclimate',
      dueAt: due(DAY),
    });
    const internalOne = await t.factory.ticket({
      requesterId: client.id,
      organizationId: w.orgA.id,
      typeKey: 'software',
      dueAt: due(DAY),
    });
    // A client's calendar has the promised resolution time, not the desk's own due date.
    const promised = due(2 * DAY);
    await t.db.query('UPDATE tickets SET resolution_due_at = $2 WHERE id = ANY($1)', [
      [publicOne.id, internalOne.id],
      promised,
    ]);
    const persona: Persona = { ...client, token: await t.tokenFor(client.id) };
    const feed = await newFeed(persona);
    const body = (await fetchFeed(feed.path)).text;
    const { events } = parse(body);
    expect(uids(events)).toEqual([`ticket-${publicOne.id}@relaydesk`]);
    expect(body).not.toContain(internalOne.id);
    expect(unescape(events[0].props.get('DESCRIPTION')!)).toContain(`/tickets/${publicOne.number}`);
    expect(events[0].props.get('DTSTART')).toBe(
      promised.toISOString().replace(/[-:]/g, '').replace('.000', ''),
    );

    await t.db.query('UPDATE users SET active = false WHERE id = $1', [client.id]);
    expect((await fetchFeed(feed.path)).status).toBe(404);
    await t.db.query('UPDATE users SET active = true WHERE id = $1', [client.id]);
    await t.db.query('UPDATE organizations SET active = false WHERE id = $1', [w.orgA.id]);
    expect((await fetchFeed(feed.path)).status).toBe(404);
    await t.db.query('UPDATE organizations SET active = true WHERE id = $1', [w.orgA.id]);
    expect((await fetchFeed(feed.path)).status).toBe(200);
  });

  it('stops at 1000 events, earliest due first', async () => {
    const [{ n }] = (await t.db
      .query(
        `WITH base AS (
         SELECT tt.id AS type_id, tt.workflow_id FROM ticket_types tt WHERE tt.key = 'microclimate')
       INSERT INTO tickets (subject, status, status_category, workflow_id, type_id, assignee_id, due_at, channel)
       SELECT 'Bulk ' || g, 'open', 'open', base.workflow_id, base.type_id, $1,
              $2::timestamptz + make_interval(mins => g), 'agent'
         FROM base, generate_series(1, 1005) g
       RETURNING 1`,
        [w.dispatcher.id, t.clock.now()],
      )
      .then((rows: unknown[]) => [{ n: rows.length }])) as { n: number }[];
    expect(n).toBe(1005);
    const feed = await newFeed(w.dispatcher);
    const { events } = parse((await fetchFeed(feed.path)).text);
    expect(events).toHaveLength(1000);
    const starts = events.map((e) => e.props.get('DTSTART')!);
    expect([...starts].sort()).toEqual(starts);
  });
});
