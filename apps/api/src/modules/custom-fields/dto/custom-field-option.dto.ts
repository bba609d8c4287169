import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { TranslatedTextInputDto } from '../../../common/openapi/translated-text-input.dto.js';

/** Keys of custom fields (and of ticket types): how values are stored and found. */
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,49}$/;
export const MAX_FIELD_OPTIONS = 200;

export class CustomFieldOptionDto {
  @ApiProperty({ description: 'Stored on tickets', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  value!: string;

  @ApiProperty({ type: TranslatedTextInputDto })
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name!: TranslatedTextInputDto;
}
