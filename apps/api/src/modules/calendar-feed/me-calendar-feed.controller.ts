import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { CalendarFeedCreatedDto, CalendarFeedStatusDto } from './dto/calendar-feed.dto.js';

@ApiTags('calendar-feed')
@ApiBearerAuth()
@Controller('v1/me/calendar-feed')
export class MeCalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get()
  @ApiOperation({ summary: 'Whether I have a calendar feed address, and since when' })
  @ApiOkResponse({ type: CalendarFeedStatusDto })
  @ApiProblems(401)
  status(@CurrentUser() user: AuthUser): Promise<CalendarFeedStatusDto> {
    return this.feeds.status(user);
  }

  @Post()
  @ApiOperation({
    summary: 'Create or rotate my calendar feed address',
    description:
      'Returns the address once; only a hash of its token is kept. A previous address stops ' +
      'working at once. The feed (iCalendar, for Outlook and Google Calendar) holds the tickets ' +
      'assigned to me or requested by me that I may see, due from 30 days ago to a year ahead, ' +
      'except closed and canceled ones, at most 1000. No Idempotency-Key here: a stored answer ' +
      'would keep the secret address at rest.',
  })
  @ApiCreatedResponse({ type: CalendarFeedCreatedDto })
  @ApiProblems(401)
  rotate(@CurrentUser() user: AuthUser): Promise<CalendarFeedCreatedDto> {
    return this.feeds.rotate(user);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke my calendar feed address (if any)' })
  @ApiNoContentResponse()
  @ApiProblems(401)
  async revoke(@CurrentUser() user: AuthUser): Promise<void> {
    await this.feeds.revoke(user);
  }
}
