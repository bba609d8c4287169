import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A name in each UI language; `en` is always present and is the fallback. */
export class TranslatedTextDto {
  @ApiProperty() en!: string;
  @ApiPropertyOptional() ru?: string;
  @ApiPropertyOptional() cs?: string;
}
