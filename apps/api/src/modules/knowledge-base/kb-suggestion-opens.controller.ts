import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { RecordKbSuggestionOpenDto } from './dto/kb-suggestion-open.dto.js';
import { KbSuggestionOpensService } from './kb-suggestion-opens.service.js';

/** The portal's new-ticket form telling which suggested article a client opened (deflection). */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller('v1/kb/suggestion-opens')
export class KbSuggestionOpensController {
  constructor(private readonly opens: KbSuggestionOpensService) {}

  @Post()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Record that a client opened a suggested article from the new-ticket form',
    description:
      'Clients only (403 for staff). Once per session and article: sending it again changes ' +
      'nothing. A session in which articles were opened and no ticket was filed with its id ' +
      '(`suggestionSessionId` of POST /tickets) within 24 hours of its last open is a deflection. ' +
      'An article the client cannot see, or another client’s session, is a 404.',
  })
  @ApiNoContentResponse({ description: 'Recorded (or already recorded)' })
  @ApiProblems(400, 401, 403, 404)
  async record(
    @CurrentUser() user: AuthUser,
    @Body() dto: RecordKbSuggestionOpenDto,
  ): Promise<void> {
    await this.opens.record(user, dto);
  }
}
