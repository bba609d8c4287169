import { ApiProperty } from '@nestjs/swagger';

export class SlaPolicyRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** The SLA of a ticket as tickets show it. */
export class TicketSlaDto {
  @ApiProperty({ type: SlaPolicyRefDto, nullable: true }) policy!: SlaPolicyRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseBreachedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolutionDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolutionBreachedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Since when the clocks stand still (pausing status, or resolved); null: running',
  })
  pausedAt!: string | null;
}
