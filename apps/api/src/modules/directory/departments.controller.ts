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
import { DepartmentsService } from './departments.service.js';
import {
  CreateDepartmentDto,
  DepartmentDto,
  DepartmentListQueryDto,
  DepartmentPageDto,
  UpdateDepartmentDto,
} from './dto/department.dto.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';

@ApiTags('departments')
@ApiBearerAuth()
@RequirePermissions(Permission.DirectoryRead)
@RequireScope('directory:read')
@Controller('v1/departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: 'List departments by name (staff only)' })
  @ApiOkResponse({ type: DepartmentPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: DepartmentListQueryDto): Promise<DepartmentPageDto> {
    return this.departments.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One department (staff only)' })
  @ApiOkResponse({ type: DepartmentDto })
  @ApiProblems(401, 403, 404)
  get(@IdParam() id: string): Promise<DepartmentDto> {
    return this.departments.get(id);
  }

  @RequireScope('admin')
  @Post()
  @IdempotentCreate()
  @RequirePermissions(Permission.DepartmentsManage)
  @ApiOperation({ summary: 'Create a department (admin)' })
  @ApiCreatedResponse({ type: DepartmentDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@Body() dto: CreateDepartmentDto): Promise<DepartmentDto> {
    return this.departments.create(dto);
  }

  @RequireScope('admin')
  @Patch(':id')
  @RequirePermissions(Permission.DepartmentsManage)
  @ApiOperation({
    summary: 'Change a department (admin)',
    description:
      'Send the version you read. A parent inside the department’s own subtree is a 422; ' +
      '`active: false` deactivates it (there is no delete).',
  })
  @ApiOkResponse({ type: DepartmentDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateDepartmentDto): Promise<DepartmentDto> {
    return this.departments.update(id, dto);
  }
}
