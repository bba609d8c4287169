import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
} from '../../../../common/validation/dto-decorators.js';
import {
  IntField,
  IsOptionalOrNull,
  UUID_SCHEMA,
  VersionField,
} from '../../../../common/openapi/request-fields.js';
import { ALERT_LIMITS, ALERT_SOURCES, type AlertSource } from '../parsing/normalized-alert.js';
import { LABEL_MATCH_OPS, type LabelMatchOp } from '../rules/alert-rule-matcher.js';

export const MAX_MATCHERS = 20;
export const MATCHER_VALUE_MAX = 200;
export const REPEAT_MINUTES_MAX = 10080;

export class LabelMatcherDto {
  @ApiProperty({
    minLength: 1,
    maxLength: ALERT_LIMITS.labelName,
    example: 'severity',
    description:
      'A label of the alert (Alertmanager labels, Zabbix tags plus host, severity and ' +
      'trigger_id, the generic form’s labels plus severity and instance); a missing one is ""',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(ALERT_LIMITS.labelName)
  label!: string;

  @ApiProperty({
    enum: LABEL_MATCH_OPS,
    description: '`glob`: `*` stands for any run of characters, anything else for itself',
  })
  @IsIn(LABEL_MATCH_OPS)
  op!: LabelMatchOp;

  @ApiProperty({ maxLength: MATCHER_VALUE_MAX, example: 'critical' })
  @IsString()
  @MaxLength(MATCHER_VALUE_MAX)
  value!: string;
}

const matchersDoc = {
  maxItems: MAX_MATCHERS,
  description: 'Every condition must hold; none: matches every alert of the source',
};

export class AlertRuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: '1-based place in the order rules are tried in' })
  position!: number;
  @ApiProperty({ enum: ALERT_SOURCES, nullable: true, type: String, description: 'null: any' })
  source!: AlertSource | null;
  @ApiProperty({ type: [LabelMatcherDto] }) matchers!: LabelMatcherDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) typeId!: string | null;
  @ApiProperty({
    enum: TICKET_PRIORITIES,
    nullable: true,
    type: String,
    description: 'null: from the alert’s severity',
  })
  priority!: TicketPriority | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) groupId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) resolveStatus!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) repeatCommentMinutes!: number | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** The fields a rule is made of; create requires `name`, update takes any of them. */
class AlertRuleFieldsDto {
  @ApiPropertyOptional({ description: 'Tried at all; on create: true when left out' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @IntField({
    min: 1,
    max: 100000,
    optional: 'non-null',
    description: 'Where to put it in the order (the others shift); default on create: last',
  })
  position?: number;

  @ApiPropertyOptional({ enum: ALERT_SOURCES, nullable: true, description: 'null: any source' })
  @IsOptionalOrNull()
  @IsIn(ALERT_SOURCES)
  source?: AlertSource | null;

  @ApiPropertyOptional({ ...matchersDoc, type: [LabelMatcherDto] })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_MATCHERS)
  @ValidateNested({ each: true })
  @Type(() => LabelMatcherDto)
  matchers?: LabelMatcherDto[];

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    type: String,
    nullable: true,
    description: 'An active ticket type',
  })
  @IsOptionalOrNull()
  @LowerCaseIds()
  @IsUUID('loose')
  typeId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, nullable: true })
  @IsOptionalOrNull()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority | null;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    type: String,
    nullable: true,
    description: 'An active group',
  })
  @IsOptionalOrNull()
  @LowerCaseIds()
  @IsUUID('loose')
  groupId?: string | null;

  @ApiPropertyOptional({ ...UUID_SCHEMA, type: String, nullable: true })
  @IsOptionalOrNull()
  @LowerCaseIds()
  @IsUUID('loose')
  organizationId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 50,
    pattern: '^[a-z][a-z0-9_]*$',
    description:
      'A status key: a resolved alert moves its ticket there when the ticket’s workflow allows ' +
      'that move then; otherwise the ticket only gets the comment',
  })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(50)
  @Matches(/^[a-z][a-z0-9_]*$/, { message: '$property must be a status key' })
  resolveStatus?: string | null;

  @IntField({
    min: 0,
    max: REPEAT_MINUTES_MAX,
    optional: true,
    nullable: true,
    description:
      'At most one "still firing" comment per this many minutes (repeats in between are ' +
      'counted); null: 60',
  })
  repeatCommentMinutes?: number | null;
}

export class CreateAlertRuleDto extends AlertRuleFieldsDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name!: string;
}

export class UpdateAlertRuleDto extends AlertRuleFieldsDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name?: string;
}

/** What became of one alert of a post. */
export const ALERT_OUTCOMES = [
  'ticket_created',
  'repeat_commented',
  'repeat_counted',
  'fired_again',
  'resolved',
  'ignored',
] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

export class AlertResultDto {
  @ApiProperty({ enum: ALERT_SOURCES }) source!: AlertSource;
  @ApiProperty() fingerprint!: string;
  @ApiProperty({ enum: ['firing', 'resolved'] }) status!: 'firing' | 'resolved';
  @ApiProperty({
    enum: ALERT_OUTCOMES,
    description:
      'ticket_created: a new ticket; repeat_commented / repeat_counted: still firing, with a ' +
      'comment or only counted (throttled); fired_again: firing after a resolve, commented; ' +
      'resolved: commented, and moved when `transitioned`; ignored: a resolve of an alert ' +
      'with no open ticket, or one already resolved',
  })
  outcome!: AlertOutcome;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ticketId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) ticketNumber!: number | null;
  @ApiProperty({ description: 'The resolve moved the ticket to the rule’s status' })
  transitioned!: boolean;
}

export class AlertIngestResultDto {
  @ApiProperty({ type: [AlertResultDto] }) alerts!: AlertResultDto[];
}
