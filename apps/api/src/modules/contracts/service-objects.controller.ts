import { Body, Query } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import {
  CreateServiceObjectDto,
  ServiceObjectDto,
  ServiceObjectListQueryDto,
  ServiceObjectPageDto,
  UpdateServiceObjectDto,
} from './dto/service-object.dto.js';
import { ServiceObjectsService } from './service-objects.service.js';
import {
  RegisterController,
  RegisterCreate,
  RegisterDelete,
  RegisterGet,
  RegisterList,
  RegisterUpdate,
} from './register-endpoints.decorator.js';

@RegisterController('v1/service-objects')
export class ServiceObjectsController {
  constructor(private readonly objects: ServiceObjectsService) {}

  @RegisterList(
    'List service objects by name',
    'Staff see every object; a client contact their organization’s (without staff notes).',
    ServiceObjectPageDto,
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ServiceObjectListQueryDto,
  ): Promise<ServiceObjectPageDto> {
    return this.objects.list(user, query);
  }

  @RegisterGet('One service object (a client contact: own organization only)', ServiceObjectDto)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<ServiceObjectDto> {
    return this.objects.get(user, id);
  }

  @RegisterCreate(
    'Create a service object',
    'The contact person must be a contact of the same organization and the calendar must exist (422 per field otherwise).',
    ServiceObjectDto,
  )
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateServiceObjectDto,
  ): Promise<ServiceObjectDto> {
    return this.objects.create(user, dto);
  }

  @RegisterUpdate('Change a service object', ServiceObjectDto)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateServiceObjectDto,
  ): Promise<ServiceObjectDto> {
    return this.objects.update(user, id, dto);
  }

  @RegisterDelete('Delete a service object (409 while equipment is at it)')
  remove(@IdParam() id: string): Promise<void> {
    return this.objects.remove(id);
  }
}
