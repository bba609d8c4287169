import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ALERT_SOURCES, type AlertSource } from '../parsing/normalized-alert.js';

export class AlertIngestQueryDto {
  @ApiPropertyOptional({
    enum: ALERT_SOURCES,
    description: 'The payload’s format; without it, the format is told by the body’s fields',
  })
  @IsOptional()
  @IsIn(ALERT_SOURCES)
  format?: AlertSource;
}
