// The transition scenario: POST /api/v1/tickets/:id/transitions as the bench agent, back and
// forth between in_progress and needs_clarification (both directions are allowed by the okdesk
// workflow; the second status postpones the ticket until tomorrow and pauses the SLA clocks, so
// every transition also sets or clears the postponement timer and stops or restarts the SLA). The transitions are spread over BENCH_TRANSITION_TICKETS tickets of the
// agent's groups, each in flight on one connection at a time, so row locks never serialise
// the load and every request carries the version the previous answer returned.
//
// The chosen tickets are kept in bench.transition_tickets as they were seeded (with an SLA
// policy added) and restored at the start of every run (whatever its scenarios), with their
// history lines removed, so that runs do not drift: the open queue's first page is the same.

/** The ticket columns a transition (status change, SLA pause/resume) can write. */
const RESTORED_COLUMNS = [
  'status',
  'status_category',
  'postponed_until',
  'resolved_at',
  'closed_at',
  'status_changed_at',
  'next_timer_at',
  'version',
  'updated_at',
  'client_updated_at',
  'assignee_id',
  'group_id',
  'support_level',
  'sla_policy_id',
  'first_response_due_at',
  'first_response_remind_at',
  'first_response_breached_at',
  'resolution_due_at',
  'resolution_remind_at',
  'resolution_breached_at',
  'sla_paused_at',
  'sla_paused_seconds',
  'sla_reminders_sent',
  'sla_next_check_at',
];

const NEXT = { in_progress: 'needs_clarification', needs_clarification: 'in_progress' };

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

/**
 * Picks (first run) or restores (later runs) the transition tickets and returns a pool that
 * hands them out to requests. `withDb(fn)` runs fn with a client on the bench database.
 */
export async function prepareTransitions({ withDb, seed, count, log }) {
  const tickets = await withDb(async (db) => {
    const { rows } = await db.query(
      `SELECT to_regclass('bench.transition_tickets') IS NOT NULL AS present`,
    );
    if (!rows[0].present) {
      const { id: calendarId } = (
        await db.query(
          `INSERT INTO sla_calendars (name, time_zone, week)
           VALUES ('Bench 24x7', 'UTC', $1::jsonb) RETURNING id`,
          [JSON.stringify(Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]))],
        )
      ).rows[0];
      // Inactive, so that ticket creation never picks it (a policy without conditions matches
      // every ticket); tickets keep an inactive policy's clocks.
      const { id: policyId } = (
        await db.query(
          `INSERT INTO sla_policies (name, calendar_id, resolution_seconds, active)
           VALUES ('Bench transitions', $1, 2592000, false) RETURNING id`,
          [calendarId],
        )
      ).rows[0];
      const picked = await db.query(
        `SELECT id FROM tickets
          WHERE status IN ('in_progress', 'needs_clarification')
            AND group_id = ANY($1::uuid[])
          ORDER BY number DESC LIMIT $2`,
        [seed.benchAgentGroupIds, count],
      );
      const ids = picked.rows.map((r) => r.id);
      await db.query(
        `UPDATE tickets SET sla_policy_id = $2,
                resolution_due_at = created_at + interval '30 days',
                sla_paused_at = CASE WHEN status = 'needs_clarification' THEN updated_at END
          WHERE id = ANY($1::uuid[])`,
        [ids, policyId],
      );
      const columns = `id, ${RESTORED_COLUMNS.join(', ')}`;
      await db.query(
        `CREATE TABLE bench.transition_tickets AS SELECT ${columns} FROM tickets WITH NO DATA`,
      );
      await db.query(
        `INSERT INTO bench.transition_tickets
         SELECT ${columns} FROM tickets WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      log(`transitions: picked ${ids.length} tickets of the agent's groups (SLA policy added)`);
    } else {
      await restoreTransitionTickets({ db, seed, log });
    }
    return (
      await db.query(
        `SELECT t.id, t.status, t.version FROM tickets t
           JOIN bench.transition_tickets b ON b.id = t.id ORDER BY t.number DESC`,
      )
    ).rows;
  });
  return new TransitionPool(tickets, withDb);
}

/**
 * Puts the transition tickets back as they were seeded and removes the history lines earlier
 * runs gave them; nothing to do before the first transition run. Every run calls it, whatever
 * its scenarios, so that the open queue's first page is the same in every run.
 */
export async function restoreTransitionTickets({ db, seed, log }) {
  const { rows } = await db.query(
    `SELECT to_regclass('bench.transition_tickets') IS NOT NULL AS present`,
  );
  if (!rows[0].present) return;
  const { rowCount } = await db.query(
    `UPDATE tickets t SET (${RESTORED_COLUMNS.join(', ')}) =
            (${RESTORED_COLUMNS.map((c) => `b.${c}`).join(', ')})
       FROM bench.transition_tickets b
      WHERE t.id = b.id AND (t.version, t.status) IS DISTINCT FROM (b.version, b.status)`,
  );
  const events = await db.query(
    `DELETE FROM ticket_events
      WHERE ticket_id IN (SELECT id FROM bench.transition_tickets) AND actor_id = $1`,
    [seed.benchAgentId],
  );
  if (rowCount > 0 || events.rowCount > 0) {
    log(
      `transitions: restored ${rowCount} tickets, removed ${events.rowCount} history lines of earlier runs`,
    );
    await db.query('VACUUM (ANALYZE) tickets');
    await db.query('VACUUM (ANALYZE) ticket_events');
  }
}

/**
 * Hands each request a ticket no other request holds, with the version and status its last
 * answer returned; a ticket whose answer never came (the run ended, an error) is read back
 * from the database after the run (`resync`).
 */
class TransitionPool {
  constructor(tickets, withDb) {
    this.size = tickets.length;
    this.idle = tickets;
    this.busy = new Set();
    this.withDb = withDb;
  }

  /** autocannon `requests`: path and body made per request, the answer read back. */
  requests(token) {
    return [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const t = this.idle.shift();
          if (!t) return null;
          this.busy.add(t);
          context.ticket = t;
          return {
            ...req,
            method: 'POST',
            path: `/api/v1/tickets/${t.id}/transitions`,
            headers: {
              ...req.headers,
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify(
              NEXT[t.status] === 'needs_clarification'
                ? // The workflow postpones while waiting for the client (at most its maxDays).
                  { to: NEXT[t.status], version: t.version, postponeUntil: tomorrow() }
                : { to: NEXT[t.status], version: t.version },
            ),
          };
        },
        onResponse: (status, body, context) => {
          const t = context.ticket;
          if (!t || status !== 200) return; // left busy: read back after the run
          try {
            const dto = JSON.parse(body);
            t.status = dto.status;
            t.version = dto.version;
          } catch {
            return;
          }
          this.busy.delete(t);
          this.idle.push(t);
        },
      },
    ];
  }

  /** Reads the tickets whose answer did not arrive back from the database. */
  async resync() {
    if (this.busy.size === 0) return;
    const lost = [...this.busy];
    // autocannon drops the sockets of the requests in flight when a run ends, but the API still
    // finishes them: reading back at once can see the version before their commit, and the next
    // request would be a 409 (seen on a quiet machine, 23 of 2,288).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const { rows } = await this.withDb((db) =>
      db.query(`SELECT id, status, version FROM tickets WHERE id = ANY($1::uuid[])`, [
        lost.map((t) => t.id),
      ]),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const t of lost) {
      const r = byId.get(t.id);
      t.status = r.status;
      t.version = r.version;
      this.busy.delete(t);
      if (NEXT[t.status]) this.idle.push(t);
    }
  }
}
