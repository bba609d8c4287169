import { ApiProperty, PickType } from '@nestjs/swagger';
import { PageQueryDto } from '../../../../common/pagination/page-query.dto.js';
import type { Attachment } from '../../entities/attachment.entity.js';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The comment the file belongs to, if any',
  })
  commentId!: string | null;
  @ApiProperty({
    description: 'Attached to an internal comment: staff only, never shown to clients',
  })
  internal!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) uploaderId!: string | null;
  @ApiProperty({ example: 'screenshot.png', maxLength: 255 }) fileName!: string;
  @ApiProperty({
    example: 'image/png',
    description: 'Detected from the file contents; what the uploader declared is ignored',
  })
  contentType!: string;
  @ApiProperty({ example: 48213 }) sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the contents, lowercase hex', example: 'e3b0c442…' })
  sha256!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    example: '/api/v1/attachments/0b7e…/content',
    description: 'Where to download the contents',
  })
  contentUrl!: string;
}

export class AttachmentPageDto {
  @ApiProperty({ type: [AttachmentDto] }) items!: AttachmentDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

/** Oldest first, by (createdAt, id). */
export class AttachmentListQueryDto extends PickType(PageQueryDto, ['limit', 'cursor'] as const) {}

export function toAttachmentDto(a: Attachment): AttachmentDto {
  return {
    id: a.id,
    ticketId: a.ticketId,
    commentId: a.commentId,
    internal: a.internal,
    uploaderId: a.uploaderId,
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    createdAt: a.createdAt.toISOString(),
    contentUrl: `/api/v1/attachments/${a.id}/content`,
  };
}
