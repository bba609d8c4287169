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
import { BillingItemsService } from './billing-items.service.js';
import {
  BillingItemDto,
  BillingItemListDto,
  BillingItemListQueryDto,
  CreateBillingItemDto,
  UpdateBillingItemDto,
} from './dto/billing-item.dto.js';

@ApiTags('work-log')
@ApiBearerAuth()
@RequireScope('tickets:read')
@Controller('v1/billing-items')
export class BillingItemsController {
  constructor(private readonly items: BillingItemsService) {}

  @Get()
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({ summary: 'The price list (billing items) by name (staff)' })
  @ApiOkResponse({ type: BillingItemListDto })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: BillingItemListQueryDto,
  ): Promise<BillingItemListDto> {
    return this.items.list(user, query);
  }

  @Get(':id')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({ summary: 'One billing item (staff)' })
  @ApiOkResponse({ type: BillingItemDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam() id: string): Promise<BillingItemDto> {
    return this.items.get(id);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.WorkLogManage)
  @ApiOperation({ summary: 'Add a billing item to the price list (admin)' })
  @ApiCreatedResponse({ type: BillingItemDto })
  @ApiProblems(400, 401, 403)
  create(@Body() dto: CreateBillingItemDto): Promise<BillingItemDto> {
    return this.items.create(dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.WorkLogManage)
  @ApiOperation({
    summary: 'Change a billing item (admin)',
    description:
      'Send the version you read; a stale one gets 409. A new price applies to every entry’s amount as read.',
  })
  @ApiOkResponse({ type: BillingItemDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateBillingItemDto): Promise<BillingItemDto> {
    return this.items.update(id, dto);
  }

  @RequireScope('admin')
  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.WorkLogManage)
  @ApiOperation({ summary: 'Delete a billing item no entry uses (else 409: set it inactive)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404, 409)
  async remove(@IdParam() id: string): Promise<void> {
    await this.items.remove(id);
  }
}
