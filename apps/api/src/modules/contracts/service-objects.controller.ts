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
  CreateServiceObjectDto,
  ServiceObjectDto,
  ServiceObjectListQueryDto,
  ServiceObjectPageDto,
  UpdateServiceObjectDto,
} from './dto/service-object.dto.js';
import { ServiceObjectsService } from './service-objects.service.js';

@ApiTags('contracts')
@ApiBearerAuth()
@RequireScope('directory:read')
@Controller('v1/service-objects')
export class ServiceObjectsController {
  constructor(private readonly objects: ServiceObjectsService) {}

  @Get()
  @ApiOperation({
    summary: 'List service objects by name',
    description:
      'Staff see every object; a client contact their organization’s (without staff notes).',
  })
  @ApiOkResponse({ type: ServiceObjectPageDto })
  @ApiProblems(400, 401)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ServiceObjectListQueryDto,
  ): Promise<ServiceObjectPageDto> {
    return this.objects.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One service object (a client contact: own organization only)' })
  @ApiOkResponse({ type: ServiceObjectDto })
  @ApiProblems(401, 404)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<ServiceObjectDto> {
    return this.objects.get(user, id);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Create a service object',
    description:
      'The contact person must be a contact of the same organization and the calendar must exist (422 per field otherwise).',
  })
  @ApiCreatedResponse({ type: ServiceObjectDto })
  @ApiProblems(400, 401, 403, 422)
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateServiceObjectDto,
  ): Promise<ServiceObjectDto> {
    return this.objects.create(user, dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Change a service object',
    description: 'Send the version you read; a stale one gets 409.',
  })
  @ApiOkResponse({ type: ServiceObjectDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateServiceObjectDto,
  ): Promise<ServiceObjectDto> {
    return this.objects.update(user, id, dto);
  }

  @RequireScope('admin')
  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({ summary: 'Delete a service object (409 while equipment is at it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404, 409)
  remove(@IdParam() id: string): Promise<void> {
    return this.objects.remove(id);
  }
}
