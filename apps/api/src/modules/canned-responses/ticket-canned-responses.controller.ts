import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  RenderedCannedResponseDto,
  TicketCannedResponseListDto,
  TicketCannedResponsesQueryDto,
} from './dto/canned-response.dto.js';
import { TicketCannedResponsesService } from './ticket-canned-responses.service.js';

/** The comment composer's picker: what fits this ticket, and one template filled in for it. */
@ApiTags('canned-responses')
@ApiBearerAuth()
@Controller('v1/tickets/:id/canned-responses')
export class TicketCannedResponsesController {
  constructor(private readonly responses: TicketCannedResponsesService) {}

  @Get()
  @ApiOperation({
    summary: 'Canned responses for a ticket’s reply, best fitting first (staff)',
    description:
      'The global templates, the caller’s own and their groups’; first those whose hints name ' +
      'the ticket’s type or category, then those in the requester’s language, then the most ' +
      'used. A ticket the caller does not see, or any ticket for a client, is a 404.',
  })
  @ApiOkResponse({ type: TicketCannedResponseListDto })
  @ApiProblems(400, 401, 404)
  async suggest(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: TicketCannedResponsesQueryDto,
  ): Promise<TicketCannedResponseListDto> {
    return { items: await this.responses.suggest(user, id, query) };
  }

  @Post(':cannedId/render')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fill a canned response for this ticket (and count the use)',
    description:
      'Placeholders are filled once, in one pass: `{{ticket.number}}`, `{{ticket.subject}}`, ' +
      '`{{requester.name}}`, `{{agent.name}}` (the caller), `{{organization.name}}`, ' +
      '`{{custom.<key>}}` (a custom field of the ticket’s type, as people read it). An unknown ' +
      'placeholder stays in the text and is listed in unknownPlaceholders; a known one without ' +
      'a value becomes empty and is listed in emptyPlaceholders. Nothing is sent: the composer ' +
      'inserts the text. A ticket or template the caller does not see is a 404; a filled text ' +
      'longer than a comment may be is a 422.',
  })
  @ApiOkResponse({ type: RenderedCannedResponseDto })
  @ApiProblems(401, 404, 422)
  render(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @IdParam('cannedId') cannedId: string,
  ): Promise<RenderedCannedResponseDto> {
    return this.responses.render(user, id, cannedId);
  }
}
