import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
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
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { CreateWorkflowDto, ReplaceWorkflowDto } from './dto/workflow-input.dto.js';
import { toWorkflowDto, WorkflowDto } from './dto/workflow.dto.js';
import { WorkflowAdminService } from './workflow-admin.service.js';
import { WorkflowService } from './workflow.service.js';

const VALIDATION_RULES =
  'A definition that breaks a rule is a 422 with one `errors[]` entry per problem (field paths ' +
  'like `statuses[2].key`): unique status keys matching ^[a-z][a-z0-9_]{0,49}$, exactly one ' +
  'initial status, transitions between existing statuses, nothing leaving a final status, ' +
  'postpone-until only into a non-final status, after_time with afterSeconds > 0, known ' +
  'required fields, no two transitions with the same from and to.';

@ApiTags('workflows')
@ApiBearerAuth()
@RequireScope('admin')
@Controller('v1/workflows')
export class WorkflowController {
  constructor(
    private readonly workflows: WorkflowService,
    private readonly admin: WorkflowAdminService,
  ) {}

  @Get()
  @RequirePermissions(Permission.WorkflowsRead)
  @ApiOperation({
    summary: 'Every workflow with its statuses (translated names) and transitions (staff)',
    description:
      'Clients get 403: a ticket carries its status name, and GET /tickets/{id}/transitions lists the changes they may make.',
  })
  @ApiOkResponse({ type: [WorkflowDto] })
  @ApiProblems(401, 403)
  async list(): Promise<WorkflowDto[]> {
    return (await this.workflows.list()).map(toWorkflowDto);
  }

  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.WorkflowsManage)
  @ApiOperation({
    summary: 'Create a workflow from a full definition (admin)',
    description: `${VALIDATION_RULES} A key that is taken is a 409.`,
  })
  @ApiCreatedResponse({ type: WorkflowDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@Body() dto: CreateWorkflowDto): Promise<WorkflowDto> {
    return this.admin.createFromDto(dto);
  }

  @Get(':id')
  @RequirePermissions(Permission.WorkflowsRead)
  @ApiOperation({ summary: 'One workflow (staff)' })
  @ApiOkResponse({ type: WorkflowDto })
  @ApiProblems(401, 403, 404)
  async get(@IdParam() id: string): Promise<WorkflowDto> {
    return toWorkflowDto(await this.workflows.definition(id));
  }

  @Put(':id')
  @RequirePermissions(Permission.WorkflowsManage)
  @ApiOperation({
    summary: 'Replace a workflow’s definition (admin)',
    description:
      `Send the version you read (stale: 409 with currentVersion); the key cannot change. ` +
      `${VALIDATION_RULES} Removing a status that tickets are in needs \`statusMapping\` for ` +
      'it (else 422 naming the status and how many tickets are in it); in the same ' +
      'transaction its tickets move to the mapped status with a history line each, and ' +
      'tickets of statuses whose category or timers changed follow.',
  })
  @ApiOkResponse({ type: WorkflowDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  replace(
    @IdParam() id: string,
    @Body() dto: ReplaceWorkflowDto,
    @CurrentUser() user: AuthUser,
  ): Promise<WorkflowDto> {
    return this.admin.replace(id, dto, user.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.WorkflowsManage)
  @ApiOperation({
    summary: 'Delete a workflow (admin)',
    description:
      '409 while ticket types or tickets use it, and always for the default (okdesk) workflow.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404, 409)
  async delete(@IdParam() id: string): Promise<void> {
    await this.admin.delete(id);
  }
}
