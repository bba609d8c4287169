import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { BODY_MAX } from './kb-article.dto.js';

/** A Markdown body to render as readers would see it; the same limit as an article's body. */
export class KbPreviewRequestDto {
  @ApiProperty({ maxLength: BODY_MAX, description: 'Markdown; raw HTML is shown as text' })
  @IsString()
  @MaxLength(BODY_MAX)
  body!: string;
}

export class KbPreviewDto {
  @ApiProperty({ description: 'The body rendered and sanitized exactly as for readers' })
  html!: string;
}
