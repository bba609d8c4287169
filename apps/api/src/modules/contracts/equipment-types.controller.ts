import { Body, Query } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import {
  CreateEquipmentTypeDto,
  EquipmentTypeDto,
  EquipmentTypeListQueryDto,
  EquipmentTypePageDto,
  UpdateEquipmentTypeDto,
} from './dto/equipment-type.dto.js';
import { EquipmentTypesService } from './equipment-types.service.js';
import {
  RegisterController,
  RegisterCreate,
  RegisterDelete,
  RegisterGet,
  RegisterList,
  RegisterUpdate,
} from './register-endpoints.decorator.js';

@RegisterController('v1/equipment-types')
export class EquipmentTypesController {
  constructor(private readonly types: EquipmentTypesService) {}

  @RegisterList(
    'List equipment types by name',
    'Client contacts get the active client-visible fields of each type only.',
    EquipmentTypePageDto,
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: EquipmentTypeListQueryDto,
  ): Promise<EquipmentTypePageDto> {
    return this.types.list(user, query);
  }

  @RegisterGet('One equipment type with its custom fields', EquipmentTypeDto)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<EquipmentTypeDto> {
    return this.types.get(user, id);
  }

  @RegisterCreate(
    'Create an equipment type',
    'Custom fields follow the ticket custom fields’ kinds and rules (422 with field `fields[i].…`).',
    EquipmentTypeDto,
  )
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateEquipmentTypeDto,
  ): Promise<EquipmentTypeDto> {
    return this.types.create(user, dto);
  }

  @RegisterUpdate('Change an equipment type', EquipmentTypeDto)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateEquipmentTypeDto,
  ): Promise<EquipmentTypeDto> {
    return this.types.update(user, id, dto);
  }

  @RegisterDelete('Delete an equipment type (409 while items have it)')
  remove(@IdParam() id: string): Promise<void> {
    return this.types.remove(id);
  }
}
