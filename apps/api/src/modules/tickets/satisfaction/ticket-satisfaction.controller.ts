import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { ParseIdPipe } from '../../../common/http/uuid-param.pipe.js';
import { UUID_SCHEMA } from '../../../common/openapi/request-fields.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { TicketDto } from '../dto/ticket.dto.js';
import { AcceptanceDto, RatingLinkDto } from './dto/satisfaction.dto.js';
import { LinkRatingsService } from './link-ratings.service.js';
import { TicketAcceptanceService } from './ticket-acceptance.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@RequirePermissions(Permission.TicketsRead)
@RequireScope('tickets:write')
@Controller('v1/tickets')
export class TicketSatisfactionController {
  constructor(
    private readonly acceptance: TicketAcceptanceService,
    private readonly linkRatings: LinkRatingsService,
  ) {}

  @Post(':id/acceptance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept (with a rating) or reject a resolved ticket',
    description:
      "The requester's answer to a resolution; dispatchers and admins may record it for the " +
      'requester, without a rating: only the requester rates (403 for anyone else who sees the ' +
      'ticket). Only in a resolved-category status (else 409). accept: needs `rating` 1–5 ' +
      'from the requester (from staff it is a 422), moves along an allowed transition to a ' +
      'closed-category status and stores the rating (with `comment`, if any). reject: needs ' +
      '`comment`, posted as a public comment, and moves to an open-category status (else a ' +
      'new-category one). 409 when the workflow offers the caller no such transition. The status ' +
      'change and the rating commit together.',
  })
  @ApiParam({ name: 'id', ...UUID_SCHEMA, description: 'Ticket id' })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: AcceptanceDto,
  ): Promise<TicketDto> {
    return this.acceptance.decide(user, id, dto);
  }

  @Post(':id/rating-links')
  @RequirePermissions(Permission.RatingLinksCreate)
  @ApiOperation({
    summary: "A signed, expiring link that lets the ticket's requester rate it without logging in",
    description:
      'Valid for RATING_LINK_TTL_DAYS (default 14) and for one answer. 403 for the ticket’s ' +
      'assignee (and their deputies): nobody rates their own work; a link stops working when ' +
      'the ticket is assigned to whoever issued it. Opening the link shows a ' +
      'form and records nothing; only submitting it does. Nothing but a history line (internal) ' +
      'is stored: the token is the proof.',
  })
  @ApiParam({ name: 'id', ...UUID_SCHEMA, description: 'Ticket id' })
  @ApiCreatedResponse({ type: RatingLinkDto })
  @ApiProblems(400, 401, 403, 404, 422)
  createLink(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<RatingLinkDto> {
    return this.linkRatings.issue(user, id);
  }
}
