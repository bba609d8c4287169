import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
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
  CannedResponseDto,
  CannedResponseListQueryDto,
  CannedResponsePageDto,
  CreateCannedResponseDto,
  UpdateCannedResponseDto,
} from './dto/canned-response.dto.js';
import { CannedResponsesService } from './canned-responses.service.js';

const VISIBILITY =
  'A caller sees the global templates, their own personal ones and their groups’ (holders of ' +
  'canned-responses.manage: every group’s); someone else’s personal one, or any for a client, ' +
  'is a 404.';

@ApiTags('canned-responses')
@ApiBearerAuth()
@Controller('v1/canned-responses')
export class CannedResponsesController {
  constructor(private readonly responses: CannedResponsesService) {}

  @Get()
  @RequirePermissions(Permission.CannedResponsesUse)
  @ApiOperation({
    summary: 'Canned responses the caller sees (staff), by title',
    description: `${VISIBILITY} \`q\` matches words of the title or body.`,
  })
  @ApiOkResponse({ type: CannedResponsePageDto })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: CannedResponseListQueryDto,
  ): Promise<CannedResponsePageDto> {
    return this.responses.list(user, query);
  }

  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.CannedResponsesUse)
  @ApiOperation({
    summary: 'Create a canned response',
    description:
      'Personal: the caller’s own. Group: a member of the group, or a holder of ' +
      'canned-responses.manage. Global: holders of canned-responses.manage only (403). A missing ' +
      'or unknown group, an unknown type or category and more than 50 placeholders are 422.',
  })
  @ApiCreatedResponse({ type: CannedResponseDto })
  @ApiProblems(400, 401, 403, 409, 413, 422)
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateCannedResponseDto,
  ): Promise<CannedResponseDto> {
    return this.responses.create(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One canned response', description: VISIBILITY })
  @ApiOkResponse({ type: CannedResponseDto })
  @ApiProblems(401, 404)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<CannedResponseDto> {
    return this.responses.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a canned response',
    description:
      `${VISIBILITY} Whoever may create it in its place may edit it (403 otherwise); moving it ` +
      'to another scope or group needs that right in both. A stale version is a 409.',
  })
  @ApiOkResponse({ type: CannedResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 422)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateCannedResponseDto,
  ): Promise<CannedResponseDto> {
    return this.responses.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a canned response', description: VISIBILITY })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  async remove(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<void> {
    await this.responses.remove(user, id);
  }
}
