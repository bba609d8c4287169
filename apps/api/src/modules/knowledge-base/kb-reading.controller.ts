import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  KbSearchQueryDto,
  KbSearchResultDto,
  KbSuggestionsQueryDto,
  KbTypeaheadResultDto,
} from './dto/kb-search.dto.js';
import { KbSearchService } from './kb-search.service.js';

/** Search, type-ahead and suggestions for signed-in readers, through the audience rule. */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller('v1/kb')
export class KbReadingController {
  constructor(private readonly search: KbSearchService) {}

  @Get('search')
  @ApiOperation({
    summary: 'Full-text search of the articles the caller sees, best first, with fragments',
  })
  @ApiOkResponse({ type: KbSearchResultDto })
  @ApiProblems(400, 401)
  async find(
    @CurrentUser() user: AuthUser,
    @Query() q: KbSearchQueryDto,
  ): Promise<KbSearchResultDto> {
    return { items: await this.search.search(user, q) };
  }

  @Get('typeahead')
  @ApiOperation({ summary: 'Titles matching what was typed so far (the last word as a prefix)' })
  @ApiOkResponse({ type: KbTypeaheadResultDto })
  @ApiProblems(400, 401)
  async typeahead(
    @CurrentUser() user: AuthUser,
    @Query() q: KbSearchQueryDto,
  ): Promise<KbTypeaheadResultDto> {
    return {
      items: await this.search.typeahead(user, q.q, q.language, Math.min(q.limit ?? 8, 20)),
    };
  }

  @Get('suggestions')
  @ApiOperation({
    summary: 'Articles that may answer a text (a new ticket, a reply being written)',
  })
  @ApiOkResponse({ type: KbSearchResultDto })
  @ApiProblems(400, 401)
  async suggestions(
    @CurrentUser() user: AuthUser,
    @Query() q: KbSuggestionsQueryDto,
  ): Promise<KbSearchResultDto> {
    return { items: await this.search.suggestions(user, q) };
  }
}
