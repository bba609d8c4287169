import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  CreateKbArticleDto,
  KbArticleDto,
  KbArticlePageDto,
  KbArticlesQueryDto,
  KbReviewDto,
  KbStatusChangeDto,
  UpdateKbArticleDto,
} from './dto/kb-article.dto.js';
import {
  KbLinkTicketDto,
  KbRatingDto,
  KbRelatedTicketDto,
  KbVoteDto,
  KbVoteResultDto,
} from './dto/kb-misc.dto.js';
import {
  KbDiffQueryDto,
  KbRestoreDto,
  KbRevisionDiffDto,
  KbRevisionDto,
  KbRevisionSummaryDto,
} from './dto/kb-revision.dto.js';
import { KbArticleQueries } from './kb-article-queries.js';
import { KbArticlesService } from './kb-articles.service.js';
import { KbFeedbackService } from './kb-feedback.service.js';
import { KbRevisionParam } from './kb-revision-param.js';
import { KbRevisionsService } from './kb-revisions.service.js';
import { KbViewCounter } from './kb-view-counter.js';

/**
 * Articles for signed-in readers (clients and staff, each through the audience rule) and their
 * editing by staff with kb.edit. The public KB is kb-public.controller.ts.
 */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller('v1/kb/articles')
export class KbArticlesController {
  constructor(
    private readonly queries: KbArticleQueries,
    private readonly articles: KbArticlesService,
    private readonly revisions: KbRevisionsService,
    private readonly feedback: KbFeedbackService,
    private readonly views: KbViewCounter,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Articles the caller sees, most recently updated first',
    description: 'Clients: published articles of the sections open to them. Staff: all.',
  })
  @ApiOkResponse({ type: KbArticlePageDto })
  @ApiProblems(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() q: KbArticlesQueryDto): Promise<KbArticlePageDto> {
    return this.queries.page(user, q);
  }

  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: 'Write an article (a draft; revision 1)' })
  @ApiCreatedResponse({ type: KbArticleDto })
  @ApiProblems(400, 401, 403, 422)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateKbArticleDto): Promise<KbArticleDto> {
    return this.articles.create(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One article, its body rendered and sanitized; 404 when not visible' })
  @ApiOkResponse({ type: KbArticleDto })
  @ApiProblems(401, 404)
  async get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<KbArticleDto> {
    const article = await this.queries.get(user, id);
    this.views.count(id);
    return article;
  }

  @Patch(':id')
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: 'Edit an article: every save is a revision; a stale version is a 409' })
  @ApiOkResponse({ type: KbArticleDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateKbArticleDto,
  ): Promise<KbArticleDto> {
    return this.articles.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.KbManage)
  @ApiOperation({ summary: 'Delete an article with its history (archive it to keep it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404)
  remove(@IdParam() id: string): Promise<void> {
    return this.articles.remove(id);
  }

  @Post(':id/status-changes')
  @HttpCode(200)
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: 'Publish, archive, or return an article to draft' })
  @ApiOkResponse({ type: KbArticleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  changeStatus(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: KbStatusChangeDto,
  ): Promise<KbArticleDto> {
    return this.articles.changeStatus(user, id, dto);
  }

  @Post(':id/reviews')
  @HttpCode(200)
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: 'Mark the article reviewed now by the caller' })
  @ApiOkResponse({ type: KbArticleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  review(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: KbReviewDto,
  ): Promise<KbArticleDto> {
    return this.articles.review(user, id, dto.version);
  }

  @Get(':id/revisions')
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: "The article's revisions, newest first" })
  @ApiOkResponse({ type: [KbRevisionSummaryDto] })
  @ApiProblems(401, 403, 404)
  listRevisions(@IdParam() id: string): Promise<KbRevisionSummaryDto[]> {
    return this.revisions.list(id);
  }

  @Get(':id/revisions/:number')
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: 'One revision as saved' })
  @ApiOkResponse({ type: KbRevisionDto })
  @ApiProblems(401, 403, 404)
  getRevision(@IdParam() id: string, @KbRevisionParam() number: number): Promise<KbRevisionDto> {
    return this.revisions.get(id, number);
  }

  @Get(':id/revisions/:number/diff')
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: 'A line diff from revision `from` to this one' })
  @ApiOkResponse({ type: KbRevisionDiffDto })
  @ApiProblems(400, 401, 403, 404)
  diff(
    @IdParam() id: string,
    @KbRevisionParam() number: number,
    @Query() q: KbDiffQueryDto,
  ): Promise<KbRevisionDiffDto> {
    return this.revisions.diff(id, q.from, number);
  }

  @Post(':id/revisions/:number/restorations')
  @HttpCode(200)
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: "Restore a revision's text: a new revision, history only grows" })
  @ApiOkResponse({ type: KbArticleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  restore(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @KbRevisionParam() number: number,
    @Body() dto: KbRestoreDto,
  ): Promise<KbArticleDto> {
    return this.articles.restore(user, id, number, dto.version);
  }

  @Put(':id/my-vote')
  @ApiOperation({
    summary: 'Helpful or not: one vote per user and article (voting again replaces it)',
  })
  @ApiOkResponse({ type: KbVoteResultDto })
  @ApiProblems(400, 401, 404)
  vote(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: KbVoteDto,
  ): Promise<KbVoteResultDto> {
    return this.feedback.vote(user, id, dto);
  }

  @Get(':id/ratings')
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: "Readers' votes with their comments (staff)" })
  @ApiOkResponse({ type: [KbRatingDto] })
  @ApiProblems(401, 403, 404)
  ratings(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<KbRatingDto[]> {
    return this.feedback.ratings(user, id);
  }

  @Get(':id/tickets')
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: 'Related tickets that the caller may see (staff)' })
  @ApiOkResponse({ type: [KbRelatedTicketDto] })
  @ApiProblems(401, 403, 404)
  tickets(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<KbRelatedTicketDto[]> {
    return this.feedback.tickets(user, id);
  }

  @Post(':id/tickets')
  @HttpCode(200)
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({ summary: 'Relate a ticket to the article; the related tickets afterwards' })
  @ApiOkResponse({ type: [KbRelatedTicketDto] })
  @ApiProblems(400, 401, 403, 404, 422)
  link(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: KbLinkTicketDto,
  ): Promise<KbRelatedTicketDto[]> {
    return this.feedback.link(user, id, dto.ticketId);
  }
}
