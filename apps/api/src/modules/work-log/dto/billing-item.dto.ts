import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { VersionField } from '../../../common/openapi/request-fields.js';
import { QueryBoolean, IsOptionalNonNull } from '../../../common/validation/dto-decorators.js';
import { LineField, TextField } from './work-fields.js';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import { AmountField } from './amount-field.js';

export class LocalizedNamesDto {
  @TextField(200, { optional: true }) en?: string;
  @TextField(200, { optional: true }) ru?: string;
  @TextField(200, { optional: true }) cs?: string;
}

/** A line of the price list. */
export class BillingItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Shown where a language has no name of its own' }) name!: string;
  @ApiProperty({ type: LocalizedNamesDto }) names!: LocalizedNamesDto;
  @ApiProperty({ description: 'What a quantity counts: h, pcs, km...' }) unit!: string;
  @ApiProperty({ description: 'Per unit, two decimals' }) price!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
}

export class BillingItemListDto {
  @ApiProperty({ type: [BillingItemDto] }) items!: BillingItemDto[];
}

export class BillingItemListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only active (true) or retired (false) items' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

class BillingItemFields {
  @ApiPropertyOptional({ type: LocalizedNamesDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => LocalizedNamesDto)
  names?: LocalizedNamesDto;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class CreateBillingItemDto extends BillingItemFields {
  @LineField(200) name!: string;
  @LineField(20) unit!: string;
  @AmountField() price!: number;
}

export class UpdateBillingItemDto extends BillingItemFields {
  @VersionField() version!: number;
  @LineField(200, { optional: true }) name?: string;
  @LineField(20, { optional: true }) unit?: string;
  @AmountField({ optional: true }) price?: number;
}
