import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { CalendarFeedService } from './calendar-feed.service.js';

/**
 * The feed calendar apps poll. The token in the path is the only credential (they cannot send
 * a Bearer header); what it shows goes through the same visibility rule as the API.
 */
@ApiTags('public')
@Public()
@Controller('v1/calendar-feeds')
export class PublicCalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':token.ics')
  @ApiOperation({
    summary: 'A user’s calendar feed (iCalendar, RFC 5545)',
    description:
      'One event per ticket with a due date, starting at the due time (30 minutes, UTC), ' +
      'assigned to or requested by the feed’s owner and visible to them. An unknown, rotated or ' +
      'revoked token, or a deactivated user, is a 404.',
  })
  @ApiParam({
    name: 'token',
    description: 'The token from POST /me/calendar-feed (32 random bytes, base64url)',
    schema: { type: 'string', minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]{43}$' },
  })
  @ApiProduces('text/calendar')
  @ApiResponse({
    status: 200,
    description: 'The calendar',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiProblems(404)
  async feed(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const body = await this.feeds.render(token);
    res
      .status(200)
      .set({
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="relaydesk.ics"',
        // The token in the address is a credential: keep it out of caches and Referer headers.
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Robots-Tag': 'noindex, nofollow',
      })
      .send(body);
  }
}
