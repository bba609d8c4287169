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
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { IdParam } from '../../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { ApiTokensService } from './api-tokens.service.js';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './dto/api-token.dto.js';
import {
  CreateServiceAccountDto,
  ServiceAccountDto,
  ServiceAccountListQueryDto,
  ServiceAccountPageDto,
  UpdateServiceAccountDto,
} from './dto/service-account.dto.js';
import { ServiceAccountsService } from './service-accounts.service.js';

@ApiTags('service-accounts')
@ApiBearerAuth()
@RequirePermissions(Permission.ServiceAccountsManage)
@RequireScope('admin')
@Controller('v1/admin/service-accounts')
export class ServiceAccountsController {
  constructor(
    private readonly accounts: ServiceAccountsService,
    private readonly tokens: ApiTokensService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List service accounts by name (admin)' })
  @ApiOkResponse({ type: ServiceAccountPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ServiceAccountListQueryDto): Promise<ServiceAccountPageDto> {
    return this.accounts.list(query);
  }

  @Post()
  @IdempotentCreate()
  @ApiOperation({
    summary: 'Create a service account (admin)',
    description:
      'An account for another system, acting through API tokens with the role, groups and ' +
      'canViewAll given here: it sees what a staff user with the same would see. It has no ' +
      'password and cannot log in.',
  })
  @ApiCreatedResponse({ type: ServiceAccountDto })
  @ApiProblems(400, 401, 403, 422)
  create(@Body() dto: CreateServiceAccountDto): Promise<ServiceAccountDto> {
    return this.accounts.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One service account (admin)' })
  @ApiOkResponse({ type: ServiceAccountDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam() id: string): Promise<ServiceAccountDto> {
    return this.accounts.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change or deactivate a service account (admin)',
    description:
      'Send the version you read. `groupIds` replaces the whole set; `active: false` ' +
      'deactivates the account, and from its next request on none of its tokens works.',
  })
  @ApiOkResponse({ type: ServiceAccountDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateServiceAccountDto): Promise<ServiceAccountDto> {
    return this.accounts.update(id, dto);
  }

  @Get(':id/tokens')
  @ApiOperation({
    summary: 'The account’s API tokens, newest first, revoked last (admin)',
    description: 'Never the tokens themselves: only their hash is kept.',
  })
  @ApiOkResponse({ type: [ApiTokenDto] })
  @ApiProblems(401, 403, 404)
  listTokens(@IdParam() id: string): Promise<ApiTokenDto[]> {
    return this.tokens.list(id);
  }

  // No Idempotency-Key: a replayed answer would have to keep the token, which is never stored.
  @Post(':id/tokens')
  @ApiOperation({
    summary: 'Issue an API token (admin)',
    description:
      'The answer carries the token (`rd_…`) this once; keep it in the other system’s secret ' +
      'store. Use it as `Authorization: Bearer <token>`. An inactive account gets none (422).',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiProblems(400, 401, 403, 404, 422)
  createToken(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @Body() dto: CreateApiTokenDto,
  ): Promise<CreatedApiTokenDto> {
    return this.tokens.create(caller, id, dto);
  }

  @Delete(':id/tokens/:tokenId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API token (admin)',
    description: 'It stops working at once; it stays in the list, marked revoked.',
  })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  async revokeToken(@IdParam() id: string, @IdParam('tokenId') tokenId: string): Promise<void> {
    await this.tokens.revoke(id, tokenId);
  }
}
