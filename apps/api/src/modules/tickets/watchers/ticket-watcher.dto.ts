import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { UUID_SCHEMA } from '../../../common/openapi/request-fields.js';
import { LowerCaseIds } from '../../../common/validation/dto-decorators.js';
import { RefDto } from '../dto/ticket.dto.js';

export class AddTicketWatcherDto {
  @ApiProperty({
    ...UUID_SCHEMA,
    description:
      'Who is to watch: yourself, or (staff) an active colleague or a contact of the ticket’s ' +
      'organization who may see the ticket, or (clients who see their organization’s tickets) ' +
      'a colleague of your organization who may see it',
  })
  @LowerCaseIds()
  @IsUUID('loose')
  userId!: string;
}

export class TicketWatcherDto {
  @ApiProperty({ type: RefDto }) user!: RefDto;
  @ApiProperty({ enum: ['staff', 'client'] }) kind!: 'staff' | 'client';
  @ApiProperty({ description: 'false: deactivated since; hears of nothing' }) active!: boolean;
  @ApiProperty({
    type: RefDto,
    nullable: true,
    description: 'Who added them (null: deleted since, or staff when you are a client)',
  })
  addedBy!: RefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class WatcherCandidatesQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the name (staff: or of the e-mail address)',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class WatcherCandidateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['staff', 'client'] }) kind!: 'staff' | 'client';
}
