import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsObject, ValidateNested } from 'class-validator';
import { FIELD_LIMITS, IntField } from '../../../common/openapi/request-fields.js';
import { RefField } from './register-fields.js';

export const MAX_AUTHORIZED_REQUESTERS = 1000;

export class AuthorizedRequesterInputDto {
  @RefField({ description: 'A contact (client user) of the organization' })
  userId!: string;

  @RefField({
    optional: true,
    nullable: true,
    description: 'Only under this contract of the organization; null or absent: any request',
  })
  contractId?: string | null;
}

export class AuthorizedRequesterDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() userName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) contractId!: string | null;
  @ApiProperty({ type: String, nullable: true }) contractNumber!: string | null;
}

export class AuthorizedRequestersDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({
    description:
      'On: only the listed contacts may file requests (those listed for a contract, under that contract). Off: every contact may.',
  })
  enabled!: boolean;
  @ApiProperty({ type: [AuthorizedRequesterDto] }) requesters!: AuthorizedRequesterDto[];
  @ApiProperty({ description: 'Send it back with a change; 0 until the list is first saved' })
  version!: number;
}

export class UpdateAuthorizedRequestersDto {
  @IntField({
    min: 0,
    max: FIELD_LIMITS.int32,
    description: 'The version you read (0 for a list never saved); a stale one gets 409',
  })
  version!: number;

  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({
    type: [AuthorizedRequesterInputDto],
    maxItems: MAX_AUTHORIZED_REQUESTERS,
    description: 'The whole list; each (userId, contractId) once',
  })
  @IsArray()
  @ArrayMaxSize(MAX_AUTHORIZED_REQUESTERS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AuthorizedRequesterInputDto)
  requesters!: AuthorizedRequesterInputDto[];
}
