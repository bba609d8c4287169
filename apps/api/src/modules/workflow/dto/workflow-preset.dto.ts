import { ApiProperty } from '@nestjs/swagger';
import { WORKFLOW_PRESET_KEYS, type WorkflowPresetKey } from '@relaydesk/contracts';
import { TranslatedTextDto } from '../../../common/openapi/translated-text.dto.js';
import type { WorkflowPreset } from '../presets/workflow-preset.js';

export class WorkflowPresetSummaryDto {
  @ApiProperty({ enum: WORKFLOW_PRESET_KEYS }) key!: WorkflowPresetKey;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty() statusCount!: number;
}

export function toWorkflowPresetSummaryDto(preset: WorkflowPreset): WorkflowPresetSummaryDto {
  return { key: preset.key, name: preset.name, statusCount: preset.statuses.length };
}
