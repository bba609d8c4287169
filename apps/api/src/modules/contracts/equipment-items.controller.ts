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
  CreateEquipmentItemDto,
  EquipmentItemDto,
  EquipmentItemListQueryDto,
  EquipmentItemPageDto,
  UpdateEquipmentItemDto,
} from './dto/equipment-item.dto.js';
import { EquipmentItemsService } from './equipment-items.service.js';

@ApiTags('contracts')
@ApiBearerAuth()
@RequireScope('directory:read')
@Controller('v1/equipment-items')
export class EquipmentItemsController {
  constructor(private readonly items: EquipmentItemsService) {}

  @Get()
  @ApiOperation({
    summary: 'List equipment items, oldest first',
    description:
      'Filters combine; `q` finds items whose serial or inventory number starts with it (any case). Staff see every item; a client contact their organization’s, with the client-visible custom fields only.',
  })
  @ApiOkResponse({ type: EquipmentItemPageDto })
  @ApiProblems(400, 401)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: EquipmentItemListQueryDto,
  ): Promise<EquipmentItemPageDto> {
    return this.items.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One equipment item (a client contact: own organization only)' })
  @ApiOkResponse({ type: EquipmentItemDto })
  @ApiProblems(401, 404)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<EquipmentItemDto> {
    return this.items.get(user, id);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Create an equipment item',
    description:
      'The service object and the parent item must be of the same organization, the parent chain without cycles and at most 5 levels deep, and custom fields must fit the type (422 per field otherwise).',
  })
  @ApiCreatedResponse({ type: EquipmentItemDto })
  @ApiProblems(400, 401, 403, 422)
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateEquipmentItemDto,
  ): Promise<EquipmentItemDto> {
    return this.items.create(user, dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({
    summary: 'Change an equipment item',
    description: 'Send the version you read; a stale one gets 409.',
  })
  @ApiOkResponse({ type: EquipmentItemDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateEquipmentItemDto,
  ): Promise<EquipmentItemDto> {
    return this.items.update(user, id, dto);
  }

  @RequireScope('admin')
  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ContractsManage)
  @ApiOperation({ summary: 'Delete an equipment item (409 while it has components)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404, 409)
  remove(@IdParam() id: string): Promise<void> {
    return this.items.remove(id);
  }
}
