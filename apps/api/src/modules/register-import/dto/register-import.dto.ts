import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_REGISTERS, type ImportRegister } from '../register-specs.js';

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Spreadsheet row (the header is row 1; 0: the file as a whole)' })
  row!: number;
  @ApiProperty({ description: 'The column (empty for the file as a whole)', maxLength: 50 })
  column!: string;
  @ApiProperty({
    description:
      'What is wrong, for translation: required, too_long, duplicate, not_found, other_organization, invalid_date, invalid_email, invalid_status, staff_email, email_taken, self_parent, cycle, too_deep, not_a_field, invalid_value, ambiguous, failed',
    maxLength: 30,
  })
  code!: string;
  @ApiProperty({ description: 'The same in English', maxLength: 200 })
  message!: string;
}

export class RegisterImportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_REGISTERS }) register!: ImportRegister;
  @ApiProperty({
    enum: ['dry_run', 'import'],
    description: 'dry_run: checked, nothing kept; import: written',
  })
  mode!: 'dry_run' | 'import';
  @ApiProperty({
    enum: ['queued', 'running', 'done', 'failed', 'expired'],
    description: 'expired: a dry run not imported in time (its file is removed; upload again)',
  })
  state!: 'queued' | 'running' | 'done' | 'failed' | 'expired';
  @ApiProperty({ maxLength: 255 }) fileName!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ enum: [',', ';'], description: 'The separator detected from the header' })
  delimiter!: string;
  @ApiProperty({ description: 'Data rows read so far' }) rowsDone!: number;
  @ApiProperty({ description: 'Rows created (a dry run: that would be)' }) createdCount!: number;
  @ApiProperty({ description: 'Rows updated (a dry run: that would be)' }) updatedCount!: number;
  @ApiProperty({ description: 'Rows in error, all of them' }) errorCount!: number;
  @ApiProperty({ type: [ImportRowErrorDto], description: 'The first 1,000 errors' })
  errors!: ImportRowErrorDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'A dry run: when it expires (or expired) unless imported; null for an import',
  })
  expiresAt!: string | null;
}
