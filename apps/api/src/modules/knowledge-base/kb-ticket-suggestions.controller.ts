import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { TicketKbSolutionDto, TicketKbSuggestionsDto } from './dto/kb-auto-answer.dto.js';
import { KbAutoAnswer } from './kb-auto-answer.service.js';

/** The automatic answer on a ticket: the articles offered to its requester, and "solved". */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller('v1/tickets')
export class KbTicketSuggestionsController {
  constructor(private readonly autoAnswer: KbAutoAnswer) {}

  @Get(':id/kb-suggestions')
  @ApiOperation({
    summary:
      "Articles the automatic answer offered the ticket's requester, that the caller may read now",
  })
  @ApiOkResponse({ type: TicketKbSuggestionsDto })
  @ApiProblems(400, 401, 404)
  async list(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
  ): Promise<TicketKbSuggestionsDto> {
    return this.autoAnswer.list(user, id);
  }

  @Post(':id/kb-solutions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The requester closes the ticket with a suggested article that solved the problem (the workflow's requester transition to closed, else resolved, with a comment naming the article); once",
  })
  @ApiOkResponse({ type: TicketKbSuggestionsDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async solve(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: TicketKbSolutionDto,
  ): Promise<TicketKbSuggestionsDto> {
    return this.autoAnswer.solve(user, id, dto.articleId, dto.version);
  }
}
