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
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  CreateContractDto,
  ContractDto,
  ContractListQueryDto,
  ContractPageDto,
  UpdateContractDto,
} from './dto/contract.dto.js';
import { ContractsService } from './contracts.service.js';

@ApiTags('contracts')
@ApiBearerAuth()
@RequireScope('directory:read')
@Controller('v1/contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Get()
  @ApiOperation({
    summary: 'List contracts by number',
    description:
      'Staff see every contract; a client contact the summaries of their organization’s contracts that are not drafts. `status` filters by the status as read (expired by date included).',
  })
  @ApiOkResponse({ type: ContractPageDto })
  @ApiProblems(400, 401)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ContractListQueryDto,
  ): Promise<ContractPageDto> {
    return this.contracts.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One contract (a client contact: the summary, own organization only)' })
  @ApiOkResponse({ type: ContractDto })
  @ApiProblems(401, 404)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<ContractDto> {
    return this.contracts.get(user, id);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Create a contract',
    description:
      'The number is unique within the organization; the SLA policy must exist (422 per field otherwise).',
  })
  @ApiCreatedResponse({ type: ContractDto })
  @ApiProblems(400, 401, 403, 422)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateContractDto): Promise<ContractDto> {
    return this.contracts.create(user, dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Change a contract',
    description: 'Send the version you read; a stale one gets 409.',
  })
  @ApiOkResponse({ type: ContractDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateContractDto,
  ): Promise<ContractDto> {
    return this.contracts.update(user, id, dto);
  }

  @RequireScope('admin')
  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({ summary: 'Delete a contract (its authorized requesters go with it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404, 409)
  remove(@IdParam() id: string): Promise<void> {
    return this.contracts.remove(id);
  }
}
