import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, WORKFLOW_PRESET_KEYS } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { InstallWorkflowPresetDto } from './dto/workflow-input.dto.js';
import { toWorkflowPresetSummaryDto, WorkflowPresetSummaryDto } from './dto/workflow-preset.dto.js';
import { WorkflowDto } from './dto/workflow.dto.js';
import { WORKFLOW_PRESETS } from './presets/workflow-presets.js';
import { WorkflowAdminService } from './workflow-admin.service.js';

/**
 * Registered before WorkflowController: `/workflows/presets` must not reach `/workflows/:id`.
 */
@ApiTags('workflows')
@ApiBearerAuth()
@RequirePermissions(Permission.WorkflowsManage)
@RequireScope('admin')
@Controller('v1/workflows/presets')
export class WorkflowPresetsController {
  constructor(private readonly admin: WorkflowAdminService) {}

  @Get()
  @ApiOperation({ summary: 'The ready-made workflows an admin can install (admin)' })
  @ApiOkResponse({ type: [WorkflowPresetSummaryDto] })
  @ApiProblems(401, 403)
  list(): WorkflowPresetSummaryDto[] {
    return Object.values(WORKFLOW_PRESETS).map(toWorkflowPresetSummaryDto);
  }

  @Post(':key/install')
  @IdempotentCreate()
  @ApiOperation({
    summary: 'Install a preset as a new workflow (admin)',
    description:
      'The key defaults to the preset’s (okdesk, happydesk, pythagoras); a key that is taken ' +
      'is a 409, so install a second copy under another key. An unknown preset is a 404.',
  })
  @ApiParam({ name: 'key', enum: WORKFLOW_PRESET_KEYS })
  @ApiCreatedResponse({ type: WorkflowDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  install(@Param('key') key: string, @Body() dto: InstallWorkflowPresetDto): Promise<WorkflowDto> {
    return this.admin.installPreset(key, dto);
  }
}
