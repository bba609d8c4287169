import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { ParseIdPipe } from '../../common/http/uuid-param.pipe.js';
import { toWorkflowDto, WorkflowDto } from './dto/workflow.dto.js';
import { WorkflowService } from './workflow.service.js';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('v1/workflows')
export class WorkflowController {
  constructor(private readonly workflows: WorkflowService) {}

  @Get()
  @ApiOperation({ summary: 'Every workflow with its statuses (translated names) and transitions' })
  @ApiOkResponse({ type: [WorkflowDto] })
  @ApiProblems(401)
  async list(): Promise<WorkflowDto[]> {
    return (await this.workflows.list()).map(toWorkflowDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One workflow' })
  @ApiOkResponse({ type: WorkflowDto })
  @ApiProblems(401, 404)
  async get(@Param('id', ParseIdPipe) id: string): Promise<WorkflowDto> {
    return toWorkflowDto(await this.workflows.definition(id));
  }
}
