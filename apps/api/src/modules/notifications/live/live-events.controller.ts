import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser } from '../../../common/auth/decorators.js';
import { InvalidInputError } from '../../../common/errors/domain-errors.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { Clock } from '../../../common/time/clock.js';
import { LiveHub } from './live-hub.js';
import { hears, LiveEventReader, ticketEventData } from './live-event-reader.js';
import { SseConnection } from './sse-connection.js';

/** The reconnect delay the stream suggests; the SPAs back off further on repeated failures. */
export const RETRY_MS = 3000;
/** A credential without an expiry (none today) still re-authenticates this often. */
const NO_EXPIRY_LIFETIME_MS = 3600_000;
const LAST_EVENT_ID = /^[0-9]{1,18}$/;

const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // nginx (and proxies that honour it) would otherwise buffer the stream until it ends.
  'X-Accel-Buffering': 'no',
};

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/me/events')
export class LiveEventsController {
  private readonly logger = new Logger('LiveUpdates');

  constructor(
    private readonly hub: LiveHub,
    private readonly reader: LiveEventReader,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Live updates: a Server-Sent Events stream of what changes for you',
    description: [
      'Authenticated with the Bearer header like every endpoint (browsers read it with fetch, not',
      'EventSource, so no token goes into a URL). Events:',
      '`ticket` {ticketId, number, name, at} when something happens on a ticket you may see now',
      '(clients hear only of what they can see: no internal notes, files or staff-only fields);',
      'its `id` is the event id. `notification` {unread} when your bell changes. `reset` {} when',
      'the gap since Last-Event-ID is too long to replay: refetch everything. `closed` {reason}',
      'before the server ends the stream: `expired` (the access token; reconnect with a fresh one),',
      '`session_ended` (signed out: do not reconnect), `replaced` (more than 5 streams of yours),',
      '`shutdown` (reconnect). A comment line comes every 25 s.',
      'Send `Last-Event-ID` on reconnect to get the missed events (at most 200, of the last 30',
      'minutes; a window before that id is sent again, so drop ids you have already seen).',
    ].join(' '),
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The last id this stream gave you',
    schema: { type: 'string', maxLength: 18, pattern: '^[0-9]{1,18}$' },
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({
    status: 200,
    description: 'The stream (text/event-stream), open until the access token expires',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 401, 503)
  async stream(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const header = req.headers['last-event-id'];
    const lastId = Array.isArray(header) ? header[0] : header;
    if (lastId !== undefined && lastId !== '' && !LAST_EVENT_ID.test(lastId)) {
      const message = 'must be an id this stream gave you (at most 18 digits)';
      throw new InvalidInputError(`Last-Event-ID ${message}`, [
        { field: 'Last-Event-ID', message },
      ]);
    }
    const conn = new SseConnection(user, this.expiry(req), res);
    // Registered first: what happens while the replay is read is held and follows it.
    this.hub.add(conn);
    let start: string;
    let replay: Awaited<ReturnType<LiveEventReader['replay']>> = [];
    try {
      start = await this.reader.latestId();
      if (lastId) replay = await this.reader.replay(user, lastId);
    } catch (e) {
      conn.close('shutdown');
      throw e;
    }
    res.socket?.setNoDelay(true);
    conn.start(STREAM_HEADERS, () => {
      if (replay === 'reset') conn.send('reset', {});
      else
        for (const e of replay) if (hears(user, e)) conn.send('ticket', ticketEventData(e), e.id);
      conn.hint(RETRY_MS, lastId && BigInt(lastId) > BigInt(start) ? lastId : start);
    });
    this.logger.debug(`live stream opened (${this.hub.size} on this instance)`);
  }

  /**
   * The access token's expiry: the stream ends then, so a user whose session was revoked or
   * whose access changed stops receiving within one token lifetime at most. The guard has
   * already verified the token; only its payload is read here.
   */
  private expiry(req: Request): number {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    try {
      const payload = JSON.parse(
        Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8'),
      ) as { exp?: unknown };
      if (typeof payload.exp === 'number') return payload.exp * 1000;
    } catch {
      // not a JWT: fall through
    }
    return this.clock.now().getTime() + NO_EXPIRY_LIFETIME_MS;
  }
}
