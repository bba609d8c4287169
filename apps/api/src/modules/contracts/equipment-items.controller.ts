import { Body, Query } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import {
  CreateEquipmentItemDto,
  EquipmentItemDto,
  EquipmentItemListQueryDto,
  EquipmentItemPageDto,
  UpdateEquipmentItemDto,
} from './dto/equipment-item.dto.js';
import { EquipmentItemsService } from './equipment-items.service.js';
import {
  RegisterController,
  RegisterCreate,
  RegisterDelete,
  RegisterGet,
  RegisterList,
  RegisterUpdate,
} from './register-endpoints.decorator.js';

@RegisterController('v1/equipment-items')
export class EquipmentItemsController {
  constructor(private readonly items: EquipmentItemsService) {}

  @RegisterList(
    'List equipment items, oldest first',
    'Filters combine; `q` finds items whose serial or inventory number starts with it (any case). Staff see every item; a client contact their organization’s, with the client-visible custom fields only.',
    EquipmentItemPageDto,
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: EquipmentItemListQueryDto,
  ): Promise<EquipmentItemPageDto> {
    return this.items.list(user, query);
  }

  @RegisterGet('One equipment item (a client contact: own organization only)', EquipmentItemDto)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<EquipmentItemDto> {
    return this.items.get(user, id);
  }

  @RegisterCreate(
    'Create an equipment item',
    'The service object and the parent item must be of the same organization, the parent chain without cycles and at most 5 levels deep, and custom fields must fit the type (422 per field otherwise).',
    EquipmentItemDto,
  )
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateEquipmentItemDto,
  ): Promise<EquipmentItemDto> {
    return this.items.create(user, dto);
  }

  @RegisterUpdate('Change an equipment item', EquipmentItemDto)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateEquipmentItemDto,
  ): Promise<EquipmentItemDto> {
    return this.items.update(user, id, dto);
  }

  @RegisterDelete('Delete an equipment item (409 while it has components)')
  remove(@IdParam() id: string): Promise<void> {
    return this.items.remove(id);
  }
}
