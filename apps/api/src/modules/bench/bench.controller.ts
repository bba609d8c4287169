import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators.js';
import { preparedSql, sql } from '../../common/database/sql.js';
import { FanOutWorker } from '../notifications/index.js';

/**
 * The floor for `POST /api/v1/tickets` in `npm run bench`: the same HTTP stack, body parser and
 * connection pool, but one INSERT of a ticket-like row and nothing else (no auth, validation,
 * references, history or read-back). Only mounted when RELAYDESK_BENCH_ROUTES=true.
 */
@ApiExcludeController()
@Controller('bench')
export class BenchController {
  /** Looked up once per process so that each request costs exactly one statement. */
  private workflowId: Promise<string> | null = null;

  /** Set while `npm run bench` has the notification fan-out following commits. */
  private stopFanOut: (() => void) | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly fanOut: FanOutWorker,
  ) {}

  @Public()
  @Post('baseline')
  @HttpCode(201)
  async baseline(@Body() body: unknown): Promise<{ id: string }> {
    const subject =
      body &&
      typeof body === 'object' &&
      typeof (body as { subject?: unknown }).subject === 'string'
        ? (body as { subject: string }).subject.slice(0, 250)
        : 'bench baseline';
    const [row] = await sql<{ id: string }>(
      this.db,
      `INSERT INTO tickets (subject, description, priority, status, status_category, workflow_id, channel)
       VALUES ($1, '', 'normal', 'open', 'open', $2, 'api')
       RETURNING id`,
      [subject, await this.defaultWorkflowId()],
    );
    return { id: row.id };
  }

  /**
   * The floor for the queue page (`GET /api/v1/tickets?view=open&limit=50`): the same HTTP stack
   * and pool, one prepared statement walking the same index for the same 51 rows and their list
   * columns, sent as JSON, and nothing else (no auth, visibility, names, DTO mapping or
   * validation). It makes the page's own round trip and sends an answer of about its size, so
   * the share of it that the page reaches is what the page's code costs, whatever a round trip
   * or a written byte costs on the machine.
   */
  @Public()
  @Get('page')
  async page(): Promise<{ items: unknown[] }> {
    const rows = await preparedSql<Record<string, unknown>>(
      this.db,
      `SELECT t.id, t.number, t.subject, t.priority, t.status, t.status_category, t.workflow_id,
              t.type_id, t.organization_id, t.requester_id, t.assignee_id, t.group_id,
              t.created_at, t.updated_at, t.due_at, t.resolution_due_at, t.sla_paused_at
         FROM tickets t
        WHERE t.status_category NOT IN ('closed', 'canceled')
        ORDER BY t.updated_at DESC, t.id DESC
        LIMIT 51`,
    );
    return { items: rows };
  }

  /**
   * Turns the notification fan-out on or off in this instance, as a production instance runs it
   * (woken by every commit's NOTIFY), so the bench can measure create with and without it in the
   * same run. On: the backlog that earlier runs left is fanned out first, outside the measurement.
   * Off: answers how many events were still waiting (did fan-out keep up?), then drains them.
   */
  @Public()
  @Post('fan-out')
  @HttpCode(200)
  async fanOutSwitch(
    @Body() body: unknown,
  ): Promise<{ running: boolean; pendingAtSwitch: number }> {
    const running =
      !!body && typeof body === 'object' && (body as { running?: unknown }).running === true;
    const [{ n }] = await sql<{ n: number }>(
      this.db,
      'SELECT count(*)::int AS n FROM event_log WHERE fanned_out_at IS NULL',
    );
    this.stopFanOut?.();
    this.stopFanOut = null;
    await this.fanOut.drain();
    if (running) this.stopFanOut = this.fanOut.follow();
    return { running, pendingAtSwitch: n };
  }

  private defaultWorkflowId(): Promise<string> {
    this.workflowId ??= sql<{ id: string }>(
      this.db,
      `SELECT id FROM workflows WHERE key = 'okdesk'`,
    ).then(
      ([row]) => row.id,
      (e: unknown) => {
        this.workflowId = null; // a failed lookup is retried by the next request
        throw e;
      },
    );
    return this.workflowId;
  }
}
