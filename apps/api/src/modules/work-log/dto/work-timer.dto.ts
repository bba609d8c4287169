import { ApiProperty } from '@nestjs/swagger';
import { RefField } from './work-fields.js';

export class RunningWorkTimerDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty() ticketNumber!: number;
  @ApiProperty() ticketSubject!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ description: 'Seconds since the start, at the server’s clock' })
  elapsedSeconds!: number;
}

export class WorkTimerStateDto {
  @ApiProperty({ type: RunningWorkTimerDto, nullable: true }) running!: RunningWorkTimerDto | null;
}

export class StartWorkTimerDto {
  @RefField({ description: 'A ticket you see' }) ticketId!: string;
}

/** The stopped span: what the entry form is filled with (the entry itself is a separate POST). */
export class StoppedWorkTimerDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) endedAt!: string;
  @ApiProperty() durationSeconds!: number;
}
