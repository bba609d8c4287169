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
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  CreateProjectDto,
  ProjectDto,
  ProjectListQueryDto,
  ProjectPageDto,
  UpdateProjectDto,
} from './dto/project.dto.js';
import { ProjectsService } from './projects.service.js';

@ApiTags('projects')
@ApiBearerAuth()
@RequirePermissions(Permission.DirectoryRead)
@RequireScope('directory:read')
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @ApiOperation({
    summary: 'List projects by name (staff)',
    description: '`q` matches name and description; keyset pages ordered by (name, id).',
  })
  @ApiOkResponse({ type: ProjectPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ProjectListQueryDto): Promise<ProjectPageDto> {
    return this.projects.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One project with its manager and members (staff)' })
  @ApiOkResponse({ type: ProjectDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam() id: string): Promise<ProjectDto> {
    return this.projects.get(id);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.ProjectsManage)
  @ApiOperation({ summary: 'Create a project (admins, dispatchers)' })
  @ApiCreatedResponse({ type: ProjectDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@Body() dto: CreateProjectDto): Promise<ProjectDto> {
    return this.projects.create(dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.ProjectsManage)
  @ApiOperation({
    summary: 'Change a project, its manager or its members (admins, dispatchers)',
    description:
      'Send the version you read. `memberIds` replaces the member set. `active: false` retires ' +
      'the project (there is no delete): its tickets stay, new ones cannot join it.',
  })
  @ApiOkResponse({ type: ProjectDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateProjectDto): Promise<ProjectDto> {
    return this.projects.update(id, dto);
  }
}
