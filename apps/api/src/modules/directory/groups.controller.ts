import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  CreateGroupDto,
  GroupDto,
  GroupListQueryDto,
  GroupPageDto,
  UpdateGroupDto,
} from './dto/group.dto.js';
import { GroupsService } from './groups.service.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';

@ApiTags('groups')
@ApiBearerAuth()
@RequirePermissions(Permission.DirectoryRead)
@RequireScope('directory:read')
@Controller('v1/groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @ApiOperation({ summary: 'List groups by name, with their members (staff only)' })
  @ApiOkResponse({ type: GroupPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: GroupListQueryDto): Promise<GroupPageDto> {
    return this.groups.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One group with its members (staff only)' })
  @ApiOkResponse({ type: GroupDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam() id: string): Promise<GroupDto> {
    return this.groups.get(id);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.GroupsManage)
  @ApiOperation({ summary: 'Create a group (admin)' })
  @ApiCreatedResponse({ type: GroupDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@Body() dto: CreateGroupDto): Promise<GroupDto> {
    return this.groups.create(dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.GroupsManage)
  @ApiOperation({
    summary: 'Change a group (admin)',
    description:
      'Send the version you read. `memberIds` replaces the whole member set in the same ' +
      'transaction; `active: false` deactivates the group (there is no delete).',
  })
  @ApiOkResponse({ type: GroupDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateGroupDto): Promise<GroupDto> {
    return this.groups.update(id, dto);
  }
}
