import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  SUPPORT_LEVELS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type SupportLevel,
  type TicketChannel,
  type TicketPriority,
} from '@relaydesk/contracts';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
} from '../../../common/validation/dto-decorators.js';
import { IntField, UUID_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';
import { IdListCondition } from '../../../common/reference-data/condition-lists.js';

const MAX_IDS = 200;
const MAX_WORDS = 100;

export class CustomFieldConditionDto {
  @ApiProperty({ maxLength: 50, description: "A custom field's key (of any ticket type)" })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  key!: string;

  @ApiProperty({
    oneOf: [{ type: 'string', maxLength: 500 }, { type: 'number' }, { type: 'boolean' }],
    description:
      'Matches when the ticket’s value equals it (text compared ignoring case and diacritics); ' +
      'a multi-select matches when it holds the value',
  })
  @ValidateIf((_, v) => typeof v !== 'number' && typeof v !== 'boolean')
  @IsString()
  @MaxLength(500)
  value!: string | number | boolean;
}

export class AssignmentRuleConditionsDto {
  @IdListCondition(MAX_IDS, 'Ticket type is one of')
  typeIds?: string[];

  @IdListCondition(MAX_IDS, 'Category is one of (a parent category also matches its subcategories)')
  categoryIds?: string[];

  @ApiPropertyOptional({
    enum: TICKET_PRIORITIES,
    isArray: true,
    maxItems: TICKET_PRIORITIES.length,
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(TICKET_PRIORITIES.length)
  @ArrayUnique()
  @IsIn(TICKET_PRIORITIES, { each: true })
  priorities?: TicketPriority[];

  @IdListCondition(MAX_IDS)
  organizationIds?: string[];

  @IdListCondition(MAX_IDS)
  projectIds?: string[];

  @IdListCondition(MAX_IDS, "The ticket's contract (issue 18)")
  contractIds?: string[];

  @IdListCondition(MAX_IDS, "The ticket's service object")
  serviceObjectIds?: string[];

  @IdListCondition(MAX_IDS, "The type of the ticket's equipment item")
  equipmentTypeIds?: string[];

  @ApiPropertyOptional({ enum: TICKET_CHANNELS, isArray: true, maxItems: TICKET_CHANNELS.length })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(TICKET_CHANNELS.length)
  @ArrayUnique()
  @IsIn(TICKET_CHANNELS, { each: true })
  channels?: TicketChannel[];

  @ApiPropertyOptional({ type: CustomFieldConditionDto, nullable: true })
  @IsOptional()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => CustomFieldConditionDto)
  customField?: CustomFieldConditionDto | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_WORDS,
    minLength: 1,
    maxLength: 100,
    description:
      'Any of these words or phrases in the subject, as whole words, ignoring case and ' +
      'diacritics («не работает», "nefunguje", "printer"); a trailing `*` matches the start of ' +
      'a word ("принтер*" finds "принтера")',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_WORDS)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  @Matches(/[\p{L}\p{N}]/u, { each: true, message: 'each word must contain a letter or digit' })
  subjectWords?: string[];
}

export class AssignmentRuleActionsDto {
  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'An active group',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  groupId?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'An active staff user',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  assigneeId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, nullable: true })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority | null;

  @ApiPropertyOptional({
    enum: SUPPORT_LEVELS,
    nullable: true,
    description:
      'The ticket’s support level; without groupId the ticket goes to the first active group ' +
      'of that level (by name)',
  })
  @IsOptional()
  @IsInt()
  @IsIn(SUPPORT_LEVELS)
  supportLevel?: SupportLevel | null;
}

export class AssignmentRuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: '1-based place in the order rules are tried in' })
  position!: number;
  @ApiProperty({
    description:
      'Also re-run when a ticket’s type, category, priority, organization or project changes',
  })
  applyOnUpdate!: boolean;
  @ApiProperty({ type: AssignmentRuleConditionsDto }) conditions!: AssignmentRuleConditionsDto;
  @ApiProperty({ type: AssignmentRuleActionsDto }) actions!: Required<AssignmentRuleActionsDto>;
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreateAssignmentRuleDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @IntField({
    min: 1,
    max: 100000,
    optional: 'non-null',
    description: 'Where to put it in the order; default: last',
  })
  position?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  applyOnUpdate?: boolean;

  @ApiPropertyOptional({ type: AssignmentRuleConditionsDto, description: 'Default: matches all' })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => AssignmentRuleConditionsDto)
  conditions?: AssignmentRuleConditionsDto;

  @ApiProperty({ type: AssignmentRuleActionsDto, description: 'At least one action' })
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => AssignmentRuleActionsDto)
  actions!: AssignmentRuleActionsDto;
}

export class UpdateAssignmentRuleDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @IntField({
    min: 1,
    max: 100000,
    optional: 'non-null',
    description: 'Moves the rule to this place in the order; the others shift around it',
  })
  position?: number;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  applyOnUpdate?: boolean;

  @ApiPropertyOptional({
    type: AssignmentRuleConditionsDto,
    description: 'Replaces all conditions',
  })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => AssignmentRuleConditionsDto)
  conditions?: AssignmentRuleConditionsDto;

  @ApiPropertyOptional({ type: AssignmentRuleActionsDto, description: 'Replaces all actions' })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => AssignmentRuleActionsDto)
  actions?: AssignmentRuleActionsDto;
}
