import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { WEEKDAYS, type Weekday } from '@relaydesk/contracts';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import { UUID_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';
import { LowerCaseIds } from '../../../common/validation/dto-decorators.js';
import {
  IdsFilterField,
  LineField,
  REGISTER_LIMITS,
  RefField,
  TextField,
} from './register-fields.js';

const STAFF_ONLY = 'Staff only: absent for client contacts.';

export class WorkingHoursIntervalDto {
  @ApiProperty({ example: '09:00' }) start!: string;
  @ApiProperty({ example: '18:00' }) end!: string;
}

export class WorkingDayDto {
  @ApiProperty({ enum: WEEKDAYS }) day!: Weekday;
  @ApiProperty({ type: [WorkingHoursIntervalDto], description: 'Empty: a day off' })
  intervals!: WorkingHoursIntervalDto[];
}

/** The weekly hours of the object's calendar, for reading (a client sees them too). */
export class WorkingHoursDto {
  @ApiProperty({ example: 'Europe/Moscow' }) timeZone!: string;
  @ApiProperty({
    type: [WorkingDayDto],
    description: 'Seven days, Monday first (holidays and exceptions are the calendar’s own)',
  })
  days!: WorkingDayDto[];
}

export class ServiceObjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The contact person: a user of the organization',
  })
  contactId!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Working hours: an SLA business calendar',
  })
  calendarId!: string | null;
  @ApiProperty({ type: String, nullable: true }) calendarName!: string | null;
  @ApiProperty({
    type: WorkingHoursDto,
    nullable: true,
    description: 'The calendar’s weekly working hours; null without a calendar',
  })
  workingHours!: WorkingHoursDto | null;
  @ApiPropertyOptional({ description: STAFF_ONLY }) notes?: string;
  @ApiPropertyOptional({ description: `Send it back with a change. ${STAFF_ONLY}` })
  version?: number;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) updatedAt?: string;
}

export class ServiceObjectPageDto {
  @ApiProperty({ type: [ServiceObjectDto] }) items!: ServiceObjectDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class ServiceObjectListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ ...UUID_SCHEMA })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  organizationId?: string;

  @IdsFilterField()
  ids?: string[];
}

class ServiceObjectFields {
  @TextField(REGISTER_LIMITS.address, { optional: true })
  address?: string;

  @RefField({
    optional: true,
    nullable: true,
    description: 'A contact (client user) of the same organization; 422 otherwise',
  })
  contactId?: string | null;

  @RefField({ optional: true, nullable: true, description: 'An SLA business calendar' })
  calendarId?: string | null;

  @TextField(REGISTER_LIMITS.notes, { optional: true, description: 'Staff only' })
  notes?: string;
}

export class CreateServiceObjectDto extends ServiceObjectFields {
  @RefField({ description: 'The client organization (cannot change later)' })
  organizationId!: string;

  @LineField(REGISTER_LIMITS.name)
  name!: string;
}

export class UpdateServiceObjectDto extends ServiceObjectFields {
  @VersionField()
  version!: number;

  @LineField(REGISTER_LIMITS.name, { optional: true })
  name?: string;
}
