import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { KbPreviewDto, KbPreviewRequestDto } from './dto/kb-preview.dto.js';
import { renderMarkdown } from './markdown/render-markdown.js';

/**
 * The editor's preview. It goes through the readers' renderer and sanitizer on the server, so
 * what an editor sees is byte for byte what readers get: a second renderer in the browser
 * would drift from this one (markdown-it options, the allowlist) sooner or later.
 */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller('v1/kb/previews')
export class KbPreviewsController {
  @Post()
  @HttpCode(200)
  @RequirePermissions(Permission.KbEdit)
  @ApiOperation({
    summary: 'Render a Markdown body as readers will see it (nothing is stored)',
  })
  @ApiOkResponse({ type: KbPreviewDto })
  @ApiProblems(400, 401, 403, 413)
  preview(@Body() dto: KbPreviewRequestDto): KbPreviewDto {
    return { html: renderMarkdown(dto.body) };
  }
}
