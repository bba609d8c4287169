import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import { TranslatedTextInputDto } from '../../../../common/openapi/translated-text-input.dto.js';
import { FIELD_KEY_PATTERN } from '../../../custom-fields/index.js';
import { IsOptionalNonNull } from '../../../../common/validation/dto-decorators.js';
import {
  FIELD_LIMITS,
  IntField,
  UUID_SCHEMA,
  VersionField,
} from '../../../../common/openapi/request-fields.js';

export class CreateTicketTypeDto {
  @ApiProperty({
    pattern: FIELD_KEY_PATTERN.source,
    maxLength: FIELD_LIMITS.key,
    description: 'Unique; cannot be changed',
  })
  @IsString()
  @Matches(FIELD_KEY_PATTERN, { message: 'key must match ^[a-z][a-z0-9_]{0,49}$' })
  key!: string;

  @ApiProperty({ type: TranslatedTextInputDto })
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name!: TranslatedTextInputDto;

  @ApiProperty({ ...UUID_SCHEMA, description: 'The lifecycle tickets of this type follow' })
  @IsUUID()
  workflowId!: string;

  @ApiPropertyOptional({ default: false, description: 'Clients may file tickets of this type' })
  @IsOptionalNonNull()
  @IsBoolean()
  isPublic?: boolean;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal' })
  @IsOptionalNonNull()
  @IsIn(TICKET_PRIORITIES)
  defaultPriority?: TicketPriority;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @IntField({
    min: 0,
    max: 100000,
    optional: 'non-null',
    description: 'Sort order; 0 when left out',
  })
  position?: number;
}

export class UpdateTicketTypeDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ type: TranslatedTextInputDto })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name?: TranslatedTextInputDto;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'Only while no ticket has this type (409 otherwise)',
  })
  @IsOptionalNonNull()
  @IsUUID()
  workflowId?: string;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  isPublic?: boolean;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptionalNonNull()
  @IsIn(TICKET_PRIORITIES)
  defaultPriority?: TicketPriority;

  @ApiPropertyOptional({ description: 'false: no new tickets of this type' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @IntField({ min: 0, max: 100000, optional: 'non-null' })
  position?: number;
}
