import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { QueryBoolean } from '../../../common/validation/dto-decorators.js';
import { PROTOCOL_LANGUAGES, type ProtocolLanguage } from '../protocol-labels.js';

export class ProtocolQueryDto {
  @ApiPropertyOptional({
    enum: PROTOCOL_LANGUAGES,
    description: 'The printed language; en when absent',
  })
  @IsOptional()
  @IsIn(PROTOCOL_LANGUAGES)
  lang?: ProtocolLanguage;
}

export class StoreProtocolQueryDto extends ProtocolQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Staff-only copy. Default: internal unless the installation lets clients see billed work ' +
      '(work log setting clientsSeeBilled); false while it does not: 422.',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  internal?: boolean;
}

export class StoredProtocolDto {
  @ApiProperty({ format: 'uuid', description: 'The attachment that holds the copy' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({
    description:
      'Staff-only copy; a public one (the client reads it) only where clients see billed work',
  })
  internal!: boolean;
}
