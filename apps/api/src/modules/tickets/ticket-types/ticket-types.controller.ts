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
import { TicketTypesQueryDto } from '../dto/ticket-input.dto.js';
import { TicketTypeDto } from '../dto/ticket.dto.js';
import {
  CreateTicketTypeFieldDto,
  TicketTypeFieldDto,
  UpdateTicketTypeFieldDto,
} from './dto/ticket-type-field.dto.js';
import { CreateTicketTypeDto, UpdateTicketTypeDto } from './dto/ticket-type-input.dto.js';
import { TicketTypesService } from './ticket-types.service.js';

@ApiTags('ticket-types')
@ApiBearerAuth()
@RequireScope('tickets:read')
@Controller('v1/ticket-types')
export class TicketTypesController {
  constructor(private readonly types: TicketTypesService) {}

  @Get()
  @ApiOperation({
    summary: 'Ticket types with their custom fields',
    description:
      'Clients get the public active types and, of those, the client-visible active fields only.',
  })
  @ApiOkResponse({ type: [TicketTypeDto] })
  @ApiProblems(400, 401)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: TicketTypesQueryDto,
  ): Promise<TicketTypeDto[]> {
    return this.types.list(user, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One ticket type with its custom fields (clients: public types only)',
  })
  @ApiOkResponse({ type: TicketTypeDto })
  @ApiProblems(400, 401, 404)
  get(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: TicketTypesQueryDto,
  ): Promise<TicketTypeDto> {
    return this.types.get(user, id, query);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.TicketTypesManage)
  @ApiOperation({ summary: 'Create a ticket type (admins)' })
  @ApiCreatedResponse({ type: TicketTypeDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTicketTypeDto): Promise<TicketTypeDto> {
    return this.types.create(user, dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.TicketTypesManage)
  @ApiOperation({
    summary: 'Change a ticket type (admins)',
    description:
      'Send the version you read. The workflow can change only while no ticket has the type ' +
      '(409 otherwise). `active: false` stops new tickets of the type; there is no delete.',
  })
  @ApiOkResponse({ type: TicketTypeDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateTicketTypeDto,
  ): Promise<TicketTypeDto> {
    return this.types.update(user, id, dto);
  }

  @RequireScope('admin')
  @Post(':id/fields')
  @IdempotentCreate()
  @RequirePermissions(Permission.TicketTypesManage)
  @ApiOperation({
    summary: 'Add a custom field to a ticket type (admins)',
    description:
      'The key is unique within the type; select and multi_select need at least one option ' +
      'with distinct values; clientEditable requires clientVisible (422 otherwise).',
  })
  @ApiCreatedResponse({ type: TicketTypeFieldDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  createField(
    @IdParam() id: string,
    @Body() dto: CreateTicketTypeFieldDto,
  ): Promise<TicketTypeFieldDto> {
    return this.types.createField(id, dto);
  }

  @RequireScope('admin')
  @Patch(':id/fields/:fieldId')
  @RequirePermissions(Permission.TicketTypesManage)
  @ApiOperation({
    summary: 'Change a custom field (admins)',
    description: 'Send the version you read. The key and the kind cannot change.',
  })
  @ApiOkResponse({ type: TicketTypeFieldDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  updateField(
    @IdParam() id: string,
    @IdParam('fieldId') fieldId: string,
    @Body() dto: UpdateTicketTypeFieldDto,
  ): Promise<TicketTypeFieldDto> {
    return this.types.updateField(id, fieldId, dto);
  }

  @RequireScope('admin')
  @Delete(':id/fields/:fieldId')
  @HttpCode(204)
  @RequirePermissions(Permission.TicketTypesManage)
  @ApiOperation({
    summary: 'Remove a custom field from forms (admins)',
    description:
      'Deactivates the field rather than deleting it: tickets keep their values (staff can ' +
      'still read them in customFields) and the field can be reactivated with PATCH ' +
      '`active: true`. Repeating the call changes nothing.',
  })
  @ApiNoContentResponse({ description: 'Deactivated' })
  @ApiProblems(400, 401, 403, 404)
  async deleteField(@IdParam() id: string, @IdParam('fieldId') fieldId: string): Promise<void> {
    await this.types.deactivateField(id, fieldId);
  }
}
