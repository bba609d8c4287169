import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { VersionField } from '../../../common/openapi/request-fields.js';
import { IsOptionalNonNull } from '../../../common/validation/dto-decorators.js';

export class WorkLogSettingsDto {
  @ApiProperty({
    description:
      'Client contacts read the billed entries (billable, warranty; never internal) of tickets they see',
  })
  clientsSeeBilled!: boolean;
  @ApiProperty() version!: number;
}

export class UpdateWorkLogSettingsDto {
  @VersionField() version!: number;
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  clientsSeeBilled?: boolean;
}
