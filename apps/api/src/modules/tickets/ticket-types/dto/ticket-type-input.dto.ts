import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import { TranslatedTextInputDto } from '../../../../common/openapi/translated-text-input.dto.js';
import { FIELD_KEY_PATTERN } from './ticket-type-field.dto.js';
import { IsOptionalNonNull } from '../../../directory/dto/dto-decorators.js';

export class CreateTicketTypeDto {
  @ApiProperty({ pattern: FIELD_KEY_PATTERN.source, description: 'Unique; cannot be changed' })
  @IsString()
  @Matches(FIELD_KEY_PATTERN, { message: 'key must match ^[a-z][a-z0-9_]{0,49}$' })
  key!: string;

  @ApiProperty({ type: TranslatedTextInputDto })
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name!: TranslatedTextInputDto;

  @ApiProperty({ format: 'uuid', description: 'The lifecycle tickets of this type follow' })
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

  @ApiPropertyOptional({ description: 'Sort order; 0 when left out' })
  @IsOptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  position?: number;
}

export class UpdateTicketTypeDto {
  @ApiProperty({ description: 'The version you read; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ type: TranslatedTextInputDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name?: TranslatedTextInputDto;

  @ApiPropertyOptional({
    format: 'uuid',
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

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  position?: number;
}
