import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { QueryBoolean } from '../../../common/validation/dto-decorators.js';
import { KbPersonDto } from './kb-article.dto.js';

/** A file of an article, as one reader sees it. */
export class KbAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) articleId!: string;
  @ApiProperty({ example: 'pump-diagram.png', maxLength: 255 }) fileName!: string;
  @ApiProperty({
    example: 'image/png',
    description: 'Detected from the file contents; what the uploader declared is ignored',
  })
  contentType!: string;
  @ApiProperty({ example: 48213 }) sizeBytes!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    description:
      'A PNG, JPEG, GIF or WebP image, served inline so Markdown can show it ' +
      '(`![alt](url)`); any other file (SVG included) is served as a download',
  })
  inline!: boolean;
  @ApiProperty({
    example: '/api/v1/kb/articles/4f0c…/attachments/0b7e…',
    description:
      'Where this reader downloads it: under /api/v1/kb for signed-in readers (send the ' +
      'Authorization header), under /api/v1/public/kb for the public KB. Markdown refers to the ' +
      '/api/v1/kb form; anonymous readers get it rewritten to the public one in `bodyHtml`.',
  })
  url!: string;
  @ApiProperty({
    type: KbPersonDto,
    nullable: true,
    description: 'Staff only; null for clients and the public KB',
  })
  uploadedBy!: KbPersonDto | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Set on deleted files, which only staff list (`includeDeleted`)',
  })
  deletedAt!: string | null;
  @ApiProperty({ type: KbPersonDto, nullable: true, description: 'Who deleted it (staff only)' })
  deletedBy!: KbPersonDto | null;
}

export class KbAttachmentListDto {
  @ApiProperty({ type: [KbAttachmentDto], description: 'Oldest first' })
  items!: KbAttachmentDto[];
}

export class KbAttachmentListQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description:
      "true: deleted files too, with who deleted them and when (the article's file history). " +
      'Staff only: for other readers deleted files do not exist.',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;
}
