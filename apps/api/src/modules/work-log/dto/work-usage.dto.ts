import { ApiProperty } from '@nestjs/swagger';
import {
  ALLOWANCE_PERIODS,
  WORK_ALLOWANCE_THRESHOLDS,
  type AllowancePeriod,
} from '@relaydesk/contracts';

/** A contract's billable time against its allowance, in the period of a date. */
export class WorkUsageDto {
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: no allowance' })
  allowanceSeconds!: number | null;
  @ApiProperty({ enum: ALLOWANCE_PERIODS, nullable: true })
  allowancePeriod!: AllowancePeriod | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) periodStart!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Inclusive' })
  periodEnd!: string | null;
  @ApiProperty({
    description: 'Billed seconds of billable entries in the period (all time without an allowance)',
  })
  usedSeconds!: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'Used / allowance, one decimal' })
  percent!: number | null;
  @ApiProperty({
    enum: WORK_ALLOWANCE_THRESHOLDS,
    nullable: true,
    description: 'The highest threshold reached (80, 100), else null',
  })
  warning!: number | null;
}
