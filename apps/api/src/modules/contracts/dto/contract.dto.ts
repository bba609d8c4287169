import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  ALLOWANCE_PERIODS,
  CONTRACT_STATUSES,
  CONTRACT_STORED_STATUSES,
  type AllowancePeriod,
  type ContractStatus,
  type ContractStoredStatus,
} from '@relaydesk/contracts';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import {
  FIELD_LIMITS,
  IntField,
  IsOptionalOrNull,
  UUID_SCHEMA,
  VersionField,
} from '../../../common/openapi/request-fields.js';
import { IsOptionalNonNull, LowerCaseIds } from '../../../common/validation/dto-decorators.js';
import {
  DateOnlyField,
  IdsFilterField,
  LineField,
  REGISTER_LIMITS,
  RefField,
  TextField,
} from './register-fields.js';

const STAFF_ONLY = 'Staff only: absent for client contacts.';
const STATUS_TEXT =
  'draft, active or suspended as staff set it; expired once the end date has passed (not for drafts), computed when read';

/** A contract; a client contact reads the summary (no SLA, allowance, billing notes, version). */
export class ContractDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ description: 'Unique within the organization' }) number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validFrom!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Inclusive' })
  validTo!: string | null;
  @ApiProperty({ enum: CONTRACT_STATUSES, description: STATUS_TEXT }) status!: ContractStatus;
  @ApiPropertyOptional({
    enum: CONTRACT_STORED_STATUSES,
    description: `What staff set. ${STAFF_ONLY}`,
  })
  storedStatus?: ContractStoredStatus;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: `The SLA policy of its tickets. ${STAFF_ONLY}`,
  })
  slaPolicyId?: string | null;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: `Prepaid service time per allowancePeriod, in seconds. ${STAFF_ONLY}`,
  })
  allowanceSeconds?: number | null;
  @ApiPropertyOptional({ enum: ALLOWANCE_PERIODS, nullable: true, description: STAFF_ONLY })
  allowancePeriod?: AllowancePeriod | null;
  @ApiPropertyOptional({ description: STAFF_ONLY }) billingNotes?: string;
  @ApiPropertyOptional({ description: `Send it back with a change. ${STAFF_ONLY}` })
  version?: number;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) updatedAt?: string;
}

export class ContractPageDto {
  @ApiProperty({ type: [ContractDto] }) items!: ContractDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class ContractListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ ...UUID_SCHEMA })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  organizationId?: string;

  @IdsFilterField()
  ids?: string[];

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES, description: 'As read (expired included)' })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;
}

class ContractFields {
  @DateOnlyField({ optional: true, nullable: true })
  validFrom?: string | null;

  @DateOnlyField({ optional: true, nullable: true, description: 'Inclusive' })
  validTo?: string | null;

  @ApiPropertyOptional({
    enum: CONTRACT_STORED_STATUSES,
    description: 'expired is never set: it follows from validTo',
  })
  @IsOptionalNonNull()
  @IsIn(CONTRACT_STORED_STATUSES)
  status?: ContractStoredStatus;

  @RefField({ optional: true, nullable: true, description: 'An SLA policy (422 if none has it)' })
  slaPolicyId?: string | null;

  @IntField({
    min: 0,
    max: FIELD_LIMITS.int32,
    optional: true,
    nullable: true,
    description: 'Prepaid service time per allowancePeriod, in seconds; with allowancePeriod',
  })
  allowanceSeconds?: number | null;

  @ApiPropertyOptional({ enum: ALLOWANCE_PERIODS, nullable: true })
  @IsOptionalOrNull()
  @IsIn(ALLOWANCE_PERIODS)
  allowancePeriod?: AllowancePeriod | null;

  @TextField(REGISTER_LIMITS.notes, { optional: true, description: 'Staff only' })
  billingNotes?: string;
}

export class CreateContractDto extends ContractFields {
  @RefField({ description: 'The client organization (cannot change later)' })
  organizationId!: string;

  @LineField(REGISTER_LIMITS.number, { description: 'Unique within the organization' })
  number!: string;

  @LineField(REGISTER_LIMITS.name)
  title!: string;
}

export class UpdateContractDto extends ContractFields {
  @VersionField()
  version!: number;

  @LineField(REGISTER_LIMITS.number, { optional: true })
  number?: string;

  @LineField(REGISTER_LIMITS.name, { optional: true })
  title?: string;
}
