import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  AUTO_TRANSITION_TRIGGERS,
  ROLES,
  STATUS_CATEGORIES,
  type AutoTransitionTrigger,
  type Role,
  type StatusCategory,
  type TranslatedText,
} from '@relaydesk/contracts';
import { TranslatedTextInputDto } from '../../../common/openapi/translated-text-input.dto.js';
import { WORKFLOW_KEY_PATTERN, type WorkflowSpec } from '../workflow-spec.js';
import { IsOptionalNonNull } from '../../../common/validation/dto-decorators.js';
import { FIELD_LIMITS, IntField, VersionField } from '../../../common/openapi/request-fields.js';

/**
 * A status or workflow key as documented: the pattern is checked with the rest of the definition
 * (422, every problem at once), the length already by the request validation.
 */
const KEY_SCHEMA = { maxLength: FIELD_LIMITS.key, pattern: WORKFLOW_KEY_PATTERN.source } as const;

export const MAX_WORKFLOW_STATUSES = 100;
export const MAX_WORKFLOW_TRANSITIONS = 1000;
/** Ten years: longer timers are typos, and the column is a 32-bit integer. */
const MAX_AFTER_SECONDS = 10 * 365 * 24 * 3600;

export class WorkflowStatusInputDto {
  @ApiProperty({ ...KEY_SCHEMA, description: 'Unique in the workflow', example: 'hold' })
  @IsString()
  @MaxLength(FIELD_LIMITS.key)
  key!: string;

  @ApiProperty({ type: TranslatedTextInputDto })
  @IsObject()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name!: TranslatedTextInputDto;

  @ApiProperty({ enum: STATUS_CATEGORIES })
  @IsIn(STATUS_CATEGORIES)
  category!: StatusCategory;

  @ApiPropertyOptional({ default: false, description: 'Exactly one status is initial' })
  @IsOptionalNonNull()
  @IsBoolean()
  isInitial?: boolean;

  @ApiPropertyOptional({ default: false, description: 'No transition leaves a final status' })
  @IsOptionalNonNull()
  @IsBoolean()
  isFinal?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  pausesSla?: boolean;

  @IntField({
    min: 1,
    max: 3650,
    optional: true,
    nullable: true,
    description: 'Caps a postpone-until set on entering this status',
  })
  postponeMaxDays?: number | null;

  @ApiPropertyOptional({ default: false, description: 'Tickets here are archived' })
  @IsOptionalNonNull()
  @IsBoolean()
  readOnly?: boolean;
}

export class WorkflowTransitionInputDto {
  @ApiProperty({ ...KEY_SCHEMA, description: 'Key of a status of this workflow' })
  @IsString()
  @MaxLength(FIELD_LIMITS.key)
  from!: string;

  @ApiProperty({ ...KEY_SCHEMA, description: 'Key of a status of this workflow' })
  @IsString()
  @MaxLength(FIELD_LIMITS.key)
  to!: string;

  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    maxItems: ROLES.length,
    default: [],
    description: '`client`: any client who sees the ticket, not only its requester',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  @ArrayUnique()
  allowedRoles?: Role[];

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  allowRequester?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  allowAssignee?: boolean;

  @ApiPropertyOptional({ default: false, description: 'A future postponeUntil is required' })
  @IsOptionalNonNull()
  @IsBoolean()
  requiresPostpone?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  commentRequired?: boolean;

  @ApiPropertyOptional({
    type: [String],
    default: [],
    maxItems: 50,
    maxLength: 100,
    description:
      'assigneeId, groupId, dueAt, categoryId, projectId, organizationId, typeId or custom:<field key>',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @ArrayUnique()
  requiredFields?: string[];

  @ApiPropertyOptional({ default: false, description: 'Needs duplicateOfId; links the tickets' })
  @IsOptionalNonNull()
  @IsBoolean()
  requiresDuplicateOf?: boolean;
}

export class WorkflowAutoTransitionInputDto {
  @ApiProperty({ ...KEY_SCHEMA, description: 'Status the ticket is in' })
  @IsString()
  @MaxLength(FIELD_LIMITS.key)
  status!: string;

  @ApiProperty({ enum: AUTO_TRANSITION_TRIGGERS })
  @IsIn(AUTO_TRANSITION_TRIGGERS)
  trigger!: AutoTransitionTrigger;

  @IntField({
    min: 0,
    max: MAX_AFTER_SECONDS,
    optional: true,
    nullable: true,
    description: 'after_time only (required there, and more than 0): seconds in the status',
  })
  afterSeconds?: number | null;

  @ApiProperty({ ...KEY_SCHEMA, description: 'Status it moves to' })
  @IsString()
  @MaxLength(FIELD_LIMITS.key)
  to!: string;
}

export class WorkflowDefinitionInputDto {
  @ApiProperty({ ...KEY_SCHEMA, description: 'Unique', example: 'field_service' })
  @IsString()
  @MaxLength(FIELD_LIMITS.key)
  key!: string;

  @ApiProperty({ type: TranslatedTextInputDto })
  @IsObject()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name!: TranslatedTextInputDto;

  @ApiProperty({ type: [WorkflowStatusInputDto], maxItems: MAX_WORKFLOW_STATUSES })
  @IsArray()
  @ArrayMaxSize(MAX_WORKFLOW_STATUSES)
  @IsObject({ each: true }) // ValidateNested alone lets [] through as an item
  @ValidateNested({ each: true })
  @Type(() => WorkflowStatusInputDto)
  statuses!: WorkflowStatusInputDto[];

  @ApiProperty({ type: [WorkflowTransitionInputDto], maxItems: MAX_WORKFLOW_TRANSITIONS })
  @IsArray()
  @ArrayMaxSize(MAX_WORKFLOW_TRANSITIONS)
  @IsObject({ each: true }) // ValidateNested alone lets [] through as an item
  @ValidateNested({ each: true })
  @Type(() => WorkflowTransitionInputDto)
  transitions!: WorkflowTransitionInputDto[];

  @ApiProperty({ type: [WorkflowAutoTransitionInputDto], maxItems: MAX_WORKFLOW_TRANSITIONS })
  @IsArray()
  @ArrayMaxSize(MAX_WORKFLOW_TRANSITIONS)
  @IsObject({ each: true }) // ValidateNested alone lets [] through as an item
  @ValidateNested({ each: true })
  @Type(() => WorkflowAutoTransitionInputDto)
  autoTransitions!: WorkflowAutoTransitionInputDto[];
}

export class CreateWorkflowDto extends WorkflowDefinitionInputDto {}

/** `{ "<key>": "<key>" }` with status keys on both sides. */
const IsStatusMapping = () =>
  ValidateBy({
    name: 'isStatusMapping',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        Object.entries(value).length <= MAX_WORKFLOW_STATUSES &&
        Object.entries(value).every(
          ([from, to]) =>
            WORKFLOW_KEY_PATTERN.test(from) &&
            typeof to === 'string' &&
            WORKFLOW_KEY_PATTERN.test(to),
        ),
      defaultMessage: () =>
        '$property must map status keys to status keys, e.g. { "hold": "in_progress" }',
    },
  });

export class ReplaceWorkflowDto extends WorkflowDefinitionInputDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', ...KEY_SCHEMA },
    maxProperties: MAX_WORKFLOW_STATUSES,
    example: { hold: 'in_progress' },
    description:
      'For each removed status that tickets are in: the status (of the new definition) they ' +
      'move to, with a history line each. A removed status with tickets and no mapping is a 422.',
  })
  @IsOptionalNonNull()
  @IsObject()
  @IsStatusMapping()
  statusMapping?: Record<string, string>;
}

export class InstallWorkflowPresetDto {
  @ApiPropertyOptional({
    description: 'Key of the new workflow; defaults to the preset key. Taken is a 409',
    example: 'happydesk_eu',
    ...KEY_SCHEMA,
  })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(FIELD_LIMITS.key)
  key?: string;

  @ApiPropertyOptional({
    type: TranslatedTextInputDto,
    description: 'Defaults to the preset name',
  })
  @IsOptionalNonNull()
  @IsObject()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name?: TranslatedTextInputDto;
}

/** Only the languages given: a missing (or null) translation falls back to `en`. */
export function translated(t: TranslatedTextInputDto): TranslatedText {
  return {
    en: t.en,
    ...(typeof t.ru === 'string' ? { ru: t.ru } : {}),
    ...(typeof t.cs === 'string' ? { cs: t.cs } : {}),
  };
}

/** The request with every default filled in: what gets validated and stored. */
export function toWorkflowSpec(dto: WorkflowDefinitionInputDto): WorkflowSpec {
  return {
    key: dto.key,
    name: translated(dto.name),
    statuses: dto.statuses.map((s) => ({
      key: s.key,
      name: translated(s.name),
      category: s.category,
      isInitial: s.isInitial ?? false,
      isFinal: s.isFinal ?? false,
      pausesSla: s.pausesSla ?? false,
      postponeMaxDays: s.postponeMaxDays ?? null,
      readOnly: s.readOnly ?? false,
    })),
    transitions: dto.transitions.map((t) => ({
      from: t.from,
      to: t.to,
      allowedRoles: t.allowedRoles ?? [],
      allowRequester: t.allowRequester ?? false,
      allowAssignee: t.allowAssignee ?? false,
      requiresPostpone: t.requiresPostpone ?? false,
      commentRequired: t.commentRequired ?? false,
      requiredFields: t.requiredFields ?? [],
      requiresDuplicateOf: t.requiresDuplicateOf ?? false,
    })),
    autoTransitions: dto.autoTransitions.map((a) => ({
      status: a.status,
      trigger: a.trigger,
      afterSeconds: a.afterSeconds ?? null,
      to: a.to,
    })),
  };
}
