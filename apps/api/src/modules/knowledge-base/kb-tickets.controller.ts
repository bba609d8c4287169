import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { KbArticleDto } from './dto/kb-article.dto.js';
import {
  KbDraftFromTicketDto,
  KbReplySuggestionsDto,
  KbReplySuggestionsQueryDto,
} from './dto/kb-ticket.dto.js';
import { KbTicketDraftsService } from './kb-ticket-drafts.service.js';
import { KbReplySuggestionsService } from './kb-reply-suggestions.service.js';

/**
 * The knowledge base on a ticket: a draft written from it, and articles for its replies. Under
 * the ticket's path, like its other actions (api-conventions: sub-resources you POST to), since
 * the ticket is what is acted on and its history records it. Visibility of the ticket comes
 * first (404), then the caller's permission (403).
 */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller('v1/tickets/:id')
export class KbTicketsController {
  constructor(
    private readonly drafts: KbTicketDraftsService,
    private readonly suggestions: KbReplySuggestionsService,
  ) {}

  @Post('kb-articles')
  @IdempotentCreate()
  @ApiOperation({
    summary: 'Publish to knowledge base: a draft article from a resolved or closed ticket',
    description:
      'kb.edit. Title: the subject; body: the description and the public staff answers (the comment that resolved the ticket when there is one) as literal text. Never internal notes, files or custom fields. Linked to the ticket; a staff-only history line. 409 when the ticket is not resolved or closed.',
  })
  @ApiCreatedResponse({ type: KbArticleDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: KbDraftFromTicketDto,
  ): Promise<KbArticleDto> {
    return this.drafts.create(user, id, dto);
  }

  @Get('kb-reply-suggestions')
  @ApiOperation({
    summary: "Published articles for a reply: the ticket's matches, or a search (staff)",
    description:
      'Each says whether the requester may open it and gives its portal address (from PUBLIC_URL).',
  })
  @ApiOkResponse({ type: KbReplySuggestionsDto })
  @ApiProblems(400, 401, 403, 404)
  async list(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() q: KbReplySuggestionsQueryDto,
  ): Promise<KbReplySuggestionsDto> {
    return { items: await this.suggestions.forTicket(user, id, q) };
  }
}
