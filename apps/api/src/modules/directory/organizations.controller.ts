import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  CreateOrganizationDto,
  OrganizationDto,
  OrganizationListQueryDto,
  OrganizationPageDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import { OrganizationsService } from './organizations.service.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';

@ApiTags('organizations')
@ApiBearerAuth()
@RequireScope('directory:read')
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({
    summary: 'List organizations by name',
    description: 'Staff see every organization; a client contact sees only their own.',
  })
  @ApiOkResponse({ type: OrganizationPageDto })
  @ApiProblems(400, 401)
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: OrganizationListQueryDto,
  ): Promise<OrganizationPageDto> {
    return this.organizations.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organization (a client contact: only their own)' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems(401, 404)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<OrganizationDto> {
    return this.organizations.get(user, id);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.OrganizationsManage)
  @ApiOperation({ summary: 'Create an organization' })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@Body() dto: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.create(dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.OrganizationsManage)
  @ApiOperation({
    summary: 'Change an organization',
    description: 'Send the version you read. `active: false` deactivates it (there is no delete).',
  })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateOrganizationDto,
  ): Promise<OrganizationDto> {
    return this.organizations.update(user, id, dto);
  }
}
