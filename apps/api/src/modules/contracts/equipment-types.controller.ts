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
  CreateEquipmentTypeDto,
  EquipmentTypeDto,
  EquipmentTypeListQueryDto,
  EquipmentTypePageDto,
  UpdateEquipmentTypeDto,
} from './dto/equipment-type.dto.js';
import { EquipmentTypesService } from './equipment-types.service.js';

@ApiTags('contracts')
@ApiBearerAuth()
@RequireScope('directory:read')
@Controller('v1/equipment-types')
export class EquipmentTypesController {
  constructor(private readonly types: EquipmentTypesService) {}

  @Get()
  @ApiOperation({
    summary: 'List equipment types by name',
    description: 'Client contacts get the active client-visible fields of each type only.',
  })
  @ApiOkResponse({ type: EquipmentTypePageDto })
  @ApiProblems(400, 401)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: EquipmentTypeListQueryDto,
  ): Promise<EquipmentTypePageDto> {
    return this.types.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One equipment type with its custom fields' })
  @ApiOkResponse({ type: EquipmentTypeDto })
  @ApiProblems(401, 404)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<EquipmentTypeDto> {
    return this.types.get(user, id);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Create an equipment type',
    description:
      'Custom fields follow the ticket custom fields’ kinds and rules (422 with field `fields[i].…`).',
  })
  @ApiCreatedResponse({ type: EquipmentTypeDto })
  @ApiProblems(400, 401, 403, 422)
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateEquipmentTypeDto,
  ): Promise<EquipmentTypeDto> {
    return this.types.create(user, dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Change an equipment type',
    description: 'Send the version you read; a stale one gets 409.',
  })
  @ApiOkResponse({ type: EquipmentTypeDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateEquipmentTypeDto,
  ): Promise<EquipmentTypeDto> {
    return this.types.update(user, id, dto);
  }

  @RequireScope('admin')
  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({ summary: 'Delete an equipment type (409 while items have it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404, 409)
  remove(@IdParam() id: string): Promise<void> {
    return this.types.remove(id);
  }
}
