import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const STAFF_ONLY = 'Staff only: absent for clients.';

export class SlaPolicyRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/**
 * The SLA of a ticket as tickets show it. Clients get the promised times only: the policy and
 * the breach and pause times are the desk's own business.
 */
export class TicketSlaDto {
  @ApiPropertyOptional({ type: SlaPolicyRefDto, nullable: true, description: STAFF_ONLY })
  policy?: SlaPolicyRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseDueAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: STAFF_ONLY,
  })
  firstResponseBreachedAt?: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolutionDueAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: STAFF_ONLY,
  })
  resolutionBreachedAt?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: `Since when the clocks stand still (pausing status, or resolved); null: running. ${STAFF_ONLY}`,
  })
  pausedAt?: string | null;
}
