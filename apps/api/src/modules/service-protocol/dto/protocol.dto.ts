import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
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

export class StoredProtocolDto {
  @ApiProperty({ format: 'uuid', description: 'The attachment that holds the copy' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({
    description: 'Staff-only copy (the work log may hide billed entries from clients)',
  })
  internal!: boolean;
}
