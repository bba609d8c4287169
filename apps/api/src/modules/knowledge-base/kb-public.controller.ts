import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { KbArticleDto, KbArticlePageDto, KbArticlesQueryDto } from './dto/kb-article.dto.js';
import { KbSearchQueryDto, KbSearchResultDto, KbTypeaheadResultDto } from './dto/kb-search.dto.js';
import { KbSectionDto } from './dto/kb-section.dto.js';
import { KbArticleQueries } from './kb-article-queries.js';
import { KbSearchService } from './kb-search.service.js';
import { KbSectionsService } from './kb-sections.service.js';
import { KbViewCounter } from './kb-view-counter.js';

/**
 * The public knowledge base, without signing in: public sections only, and only while the
 * installation enables it (otherwise every list is empty and every article a 404). The reader is
 * `null` for the audience rule whatever Authorization says: signed-in readers use /v1/kb.
 */
@ApiTags('knowledge-base')
@Public()
@Controller('v1/public/kb')
export class KbPublicController {
  constructor(
    private readonly sections: KbSectionsService,
    private readonly queries: KbArticleQueries,
    private readonly search: KbSearchService,
    private readonly views: KbViewCounter,
  ) {}

  @Get('sections')
  @ApiOperation({ summary: 'Public sections (anonymous)' })
  @ApiOkResponse({ type: [KbSectionDto] })
  @ApiProblems(503)
  listSections(): Promise<KbSectionDto[]> {
    return this.sections.list(null);
  }

  @Get('articles')
  @ApiOperation({ summary: 'Published articles of public sections (anonymous)' })
  @ApiOkResponse({ type: KbArticlePageDto })
  @ApiProblems(400)
  list(@Query() q: KbArticlesQueryDto): Promise<KbArticlePageDto> {
    return this.queries.page(null, q);
  }

  @Get('articles/:id')
  @ApiOperation({ summary: 'One public article (anonymous); 404 when not public' })
  @ApiOkResponse({ type: KbArticleDto })
  @ApiProblems(404)
  async get(@IdParam() id: string): Promise<KbArticleDto> {
    const article = await this.queries.get(null, id);
    this.views.count(id);
    return article;
  }

  @Get('search')
  @ApiOperation({ summary: 'Search the public articles (anonymous)' })
  @ApiOkResponse({ type: KbSearchResultDto })
  @ApiProblems(400)
  async find(@Query() q: KbSearchQueryDto): Promise<KbSearchResultDto> {
    return { items: await this.search.search(null, q) };
  }

  @Get('typeahead')
  @ApiOperation({ summary: 'Public titles matching what was typed so far (anonymous)' })
  @ApiOkResponse({ type: KbTypeaheadResultDto })
  @ApiProblems(400)
  async typeahead(@Query() q: KbSearchQueryDto): Promise<KbTypeaheadResultDto> {
    return {
      items: await this.search.typeahead(null, q.q, q.language, Math.min(q.limit ?? 8, 20)),
    };
  }
}
