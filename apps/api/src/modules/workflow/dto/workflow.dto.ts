import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUTO_TRANSITION_TRIGGERS,
  ROLES,
  STATUS_CATEGORIES,
  type AutoTransitionTrigger,
  type Role,
  type StatusCategory,
} from '@relaydesk/contracts';
import { TranslatedTextDto } from '../../../common/openapi/translated-text.dto.js';
import type { WorkflowDefinition } from '../workflow.service.js';

export class WorkflowStatusDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty({ enum: STATUS_CATEGORIES }) category!: StatusCategory;
  @ApiProperty() isInitial!: boolean;
  @ApiProperty() isFinal!: boolean;
  @ApiProperty() pausesSla!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'A postpone-until set on entering this status is at most this many days ahead',
  })
  postponeMaxDays!: number | null;
  @ApiProperty({ description: 'Tickets in this status are archived: no edits, comments, files' })
  readOnly!: boolean;
}

export class WorkflowTransitionDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description: '`client`: any client who sees the ticket, not only its requester',
  })
  allowedRoles!: Role[];
  @ApiProperty({ description: 'The ticket requester may make it on their own ticket' })
  allowRequester!: boolean;
  @ApiProperty({ description: 'The ticket assignee may make it, whatever their role' })
  allowAssignee!: boolean;
  @ApiProperty({ description: 'A future postponeUntil is required' }) requiresPostpone!: boolean;
  @ApiProperty() commentRequired!: boolean;
  @ApiProperty({
    type: [String],
    description:
      'Ticket fields that must be filled: assigneeId, groupId, dueAt, categoryId, projectId, organizationId, typeId or custom:<field key>',
  })
  requiredFields!: string[];
  @ApiProperty({ description: 'Needs duplicateOfId; links the two tickets' })
  requiresDuplicateOf!: boolean;
}

export class WorkflowAutoTransitionDto {
  @ApiProperty({ description: 'Status the ticket is in' }) status!: string;
  @ApiProperty({ enum: AUTO_TRANSITION_TRIGGERS }) trigger!: AutoTransitionTrigger;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'after_time: seconds in the status',
  })
  afterSeconds!: number | null;
  @ApiProperty({ description: 'Status it moves to' }) to!: string;
}

export class WorkflowDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [WorkflowStatusDto] }) statuses!: WorkflowStatusDto[];
  @ApiProperty({ type: [WorkflowTransitionDto] }) transitions!: WorkflowTransitionDto[];
  @ApiProperty({ type: [WorkflowAutoTransitionDto] })
  autoTransitions!: WorkflowAutoTransitionDto[];
}

export function toWorkflowDto(def: WorkflowDefinition): WorkflowDto {
  return {
    id: def.workflow.id,
    key: def.workflow.key,
    name: def.workflow.name,
    version: def.workflow.version,
    statuses: def.statuses.map((s) => ({
      key: s.key,
      name: s.name,
      category: s.category,
      isInitial: s.isInitial,
      isFinal: s.isFinal,
      pausesSla: s.pausesSla,
      postponeMaxDays: s.postponeMaxDays,
      readOnly: s.readOnly,
    })),
    transitions: def.transitions.map((t) => ({
      from: t.fromStatus,
      to: t.toStatus,
      allowedRoles: t.allowedRoles,
      allowRequester: t.allowRequester,
      allowAssignee: t.allowAssignee,
      requiresPostpone: t.requiresPostpone,
      commentRequired: t.commentRequired,
      requiredFields: t.requiredFields,
      requiresDuplicateOf: t.requiresDuplicateOf,
    })),
    autoTransitions: def.timers.map((a) => ({
      status: a.statusKey,
      trigger: a.trigger,
      afterSeconds: a.afterSeconds,
      to: a.toStatus,
    })),
  };
}
