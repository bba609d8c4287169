import { ApiProperty } from '@nestjs/swagger';
import { ROLES, STATUS_CATEGORIES, type Role, type StatusCategory } from '@relaydesk/contracts';
import { TranslatedTextDto } from '../../../common/openapi/translated-text.dto.js';
import type { WorkflowDefinition } from '../workflow.service.js';

export class WorkflowStatusDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty({ enum: STATUS_CATEGORIES }) category!: StatusCategory;
  @ApiProperty() isInitial!: boolean;
  @ApiProperty() isFinal!: boolean;
  @ApiProperty() pausesSla!: boolean;
}

export class WorkflowTransitionDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) allowedRoles!: Role[];
  @ApiProperty({ description: 'The ticket requester may make it on their own ticket' })
  allowRequester!: boolean;
  @ApiProperty({ description: 'A future postponeUntil is required' }) requiresPostpone!: boolean;
  @ApiProperty() commentRequired!: boolean;
}

export class WorkflowDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty({ type: [WorkflowStatusDto] }) statuses!: WorkflowStatusDto[];
  @ApiProperty({ type: [WorkflowTransitionDto] }) transitions!: WorkflowTransitionDto[];
}

export function toWorkflowDto(def: WorkflowDefinition): WorkflowDto {
  return {
    id: def.workflow.id,
    key: def.workflow.key,
    name: def.workflow.name,
    statuses: def.statuses.map((s) => ({
      key: s.key,
      name: s.name,
      category: s.category,
      isInitial: s.isInitial,
      isFinal: s.isFinal,
      pausesSla: s.pausesSla,
    })),
    transitions: def.transitions.map((t) => ({
      from: t.fromStatus,
      to: t.toStatus,
      allowedRoles: t.allowedRoles,
      allowRequester: t.allowRequester,
      requiresPostpone: t.requiresPostpone,
      commentRequired: t.commentRequired,
    })),
  };
}
