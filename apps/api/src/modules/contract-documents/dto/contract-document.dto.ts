import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { VersionField } from '../../../common/openapi/request-fields.js';
import { QueryBoolean } from '../../../common/validation/dto-decorators.js';
import { RefDto } from '../../tickets/index.js';

/** A document of a contract, as one reader sees it. */
export class ContractDocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ example: 'contract-SO-117-2025-signed.pdf', maxLength: 255 }) fileName!: string;
  @ApiProperty({
    example: 'application/pdf',
    description: 'Detected from the file contents; what the uploader declared is ignored',
  })
  contentType!: string;
  @ApiProperty({ example: 48213 }) sizeBytes!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    description:
      "Shared with the client: the contacts of the contract's organization who see the contract read it. Otherwise staff only.",
  })
  shared!: boolean;
  @ApiPropertyOptional({ description: 'Staff only: the version a PATCH sends' })
  version?: number;
  @ApiPropertyOptional({ type: RefDto, nullable: true, description: 'Staff only' })
  uploadedBy?: RefDto | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Set on deleted documents, which only staff list (`includeDeleted`)',
  })
  deletedAt?: string | null;
  @ApiPropertyOptional({ type: RefDto, nullable: true, description: 'Who deleted it (staff only)' })
  deletedBy?: RefDto | null;
}

export class ContractDocumentListDto {
  @ApiProperty({ type: [ContractDocumentDto], description: 'Oldest first' })
  items!: ContractDocumentDto[];
}

export class ContractDocumentListQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description:
      "true: deleted documents too, with who deleted them and when (the contract's file history). Staff only: for clients deleted documents do not exist.",
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;
}

export class UpdateContractDocumentDto {
  @ApiProperty({ description: 'Shared with the client (true) or staff only (false)' })
  @IsBoolean()
  shared!: boolean;
  @VersionField()
  version!: number;
}
