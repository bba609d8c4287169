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
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  CreateDeputyshipDto,
  DeputyshipDto,
  DeputyshipListQueryDto,
  DeputyshipPageDto,
} from './dto/deputyship.dto.js';
import { DeputyshipsService } from './deputyships.service.js';
import { DEPUTY_RULES } from './me-deputies.controller.js';

/** Admins manage anyone's deputies (a colleague is ill and cannot name one themselves). */
@ApiTags('deputies')
@ApiBearerAuth()
@RequirePermissions(Permission.DeputiesManage)
@RequireScope('admin')
@Controller('v1/users/:id/deputies')
export class UserDeputiesController {
  constructor(private readonly deputies: DeputyshipsService) {}

  @Get()
  @ApiOperation({ summary: 'A user’s deputies (or, with as=deputy, whom they stand in for)' })
  @ApiOkResponse({ type: DeputyshipPageDto })
  @ApiProblems(400, 401, 403, 404)
  async list(
    @IdParam() id: string,
    @Query() query: DeputyshipListQueryDto,
  ): Promise<DeputyshipPageDto> {
    await this.deputies.assertUserExists(id);
    return this.deputies.list(id, query);
  }

  @Post()
  @IdempotentCreate()
  @ApiOperation({
    summary: 'Name a deputy for a user',
    description: `The user must be active staff (422 otherwise). ${DEPUTY_RULES}`,
  })
  @ApiCreatedResponse({ type: DeputyshipDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async create(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @Body() dto: CreateDeputyshipDto,
  ): Promise<DeputyshipDto> {
    await this.deputies.assertPrincipal(id);
    return this.deputies.create(caller, id, dto);
  }

  @Delete(':deputyshipId')
  @HttpCode(204)
  @ApiOperation({ summary: 'End a user’s deputyship now' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  async end(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @IdParam('deputyshipId') deputyshipId: string,
  ): Promise<void> {
    await this.deputies.end(caller, id, deputyshipId);
  }
}
