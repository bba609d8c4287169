import { ApiProperty } from '@nestjs/swagger';
import { WorkUserRefDto } from './work-entry.dto.js';

/** A file of a work entry (staff only). */
export class WorkEntryAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workEntryId!: string;
  @ApiProperty({ example: 'replaced-valve.jpg', maxLength: 255 }) fileName!: string;
  @ApiProperty({
    example: 'image/jpeg',
    description: 'Detected from the file contents; what the uploader declared is ignored',
  })
  contentType!: string;
  @ApiProperty({ example: 48213 }) sizeBytes!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: WorkUserRefDto, nullable: true }) uploadedBy!: WorkUserRefDto | null;
}

export class WorkEntryAttachmentListDto {
  @ApiProperty({
    type: [WorkEntryAttachmentDto],
    description: 'Oldest first (for a ticket: every file of its entries, each with its entry)',
  })
  items!: WorkEntryAttachmentDto[];
}
