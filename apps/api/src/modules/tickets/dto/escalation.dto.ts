import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { SUPPORT_LEVELS, type SupportLevel } from '@relaydesk/contracts';
import { IsNotBlank, LowerCaseIds } from '../../../common/validation/dto-decorators.js';
import { TicketDto } from './ticket.dto.js';
import { UUID_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';

export class EscalateTicketDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why; kept in the history' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @IsNotBlank()
  reason!: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description:
      'An active group of the next level; default: the first active group of that level by name',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  groupId?: string;
}

export class TicketEscalationDto {
  @ApiProperty({ enum: SUPPORT_LEVELS }) supportLevel!: SupportLevel;
  @ApiProperty({ format: 'uuid' }) groupId!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "Picked by the group's distribution; null: the group distributes manually",
  })
  assigneeId!: string | null;
  @ApiProperty({
    type: TicketDto,
    nullable: true,
    description:
      'The ticket after the escalation; null when it went where the caller no longer sees it ' +
      '(an agent escalating to a group they are not in)',
  })
  ticket!: TicketDto | null;
}
