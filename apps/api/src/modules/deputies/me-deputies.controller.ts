import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
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
  CreateDeputyshipDto,
  DEPUTYSHIP_MAX_DAYS,
  DeputyshipDto,
  DeputyshipListQueryDto,
  DeputyshipPageDto,
} from './dto/deputyship.dto.js';
import { DeputyshipsService } from './deputyships.service.js';

export const DEPUTY_RULES =
  'During the period the deputy sees the tickets assigned to the principal (not those of the ' +
  'principal’s groups) and may make the transitions the workflow opens to the assignee; their ' +
  'actions are recorded on behalf of the principal (`onBehalfOf` in the history). Access begins ' +
  'and ends by itself. The deputy must be an active staff user other than the principal; ' +
  `endsAt must be in the future, later than startsAt and at most ${DEPUTYSHIP_MAX_DAYS} days ` +
  'after it (422 otherwise); a start in the past means now.';

@ApiTags('deputies')
@ApiBearerAuth()
@RequirePermissions(Permission.DeputiesOwn)
@Controller('v1/me/deputies')
export class MeDeputiesController {
  constructor(private readonly deputies: DeputyshipsService) {}

  @Get()
  @ApiOperation({
    summary: 'My deputies (or, with as=deputy, whom I stand in for); staff only',
    description: 'Newest end first, so active and upcoming ones lead.',
  })
  @ApiOkResponse({ type: DeputyshipPageDto })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: DeputyshipListQueryDto,
  ): Promise<DeputyshipPageDto> {
    return this.deputies.list(user.id, query);
  }

  @Post()
  @IdempotentCreate()
  @ApiOperation({ summary: 'Name a deputy for a period', description: DEPUTY_RULES })
  @ApiCreatedResponse({ type: DeputyshipDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateDeputyshipDto): Promise<DeputyshipDto> {
    return this.deputies.create(user, user.id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End one of my deputyships now',
    description:
      'The deputy’s access stops with this request; one that had not begun never does. Ending ' +
      'one that has already ended changes nothing.',
  })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  async end(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<void> {
    await this.deputies.end(user, user.id, id);
  }
}
