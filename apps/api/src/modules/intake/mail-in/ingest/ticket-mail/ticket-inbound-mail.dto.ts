import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CursorField } from '../../../../../common/openapi/request-fields.js';
import { INBOUND_STATUSES, type InboundStatus } from '../entities/inbound-message.entity.js';

export class InboundFileDto {
  @ApiProperty({ format: 'uuid' }) attachmentId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'An inline image of the HTML (cid:), not an attached file' })
  inline!: boolean;
  @ApiProperty({
    description: 'Executable or double extension: offered only as an octet-stream download',
  })
  dangerous!: boolean;
}

/** One inbound message about the ticket, as staff see it: who sent it and what became of it. */
export class TicketInboundMailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The From address: the identity' })
  fromAddress!: string | null;
  @ApiProperty() fromName!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Reply-To, when it differs from From (never the sender’s identity)',
  })
  replyTo!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ enum: INBOUND_STATUSES }) status!: InboundStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was ignored, held or flagged' })
  reason!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The receiving server’s Authentication-Results header (SPF, DKIM, DMARC), as it wrote ' +
      'it: a hint whether the From is genuine, not checked by us',
  })
  authenticationResults!: string | null;
  @ApiProperty({
    description:
      'true: it pointed at this ticket but did not land on it (its sender may not see the ' +
      'ticket, or it was auto-submitted); false: it is this ticket’s own mail',
  })
  flagged!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) commentId!: string | null;
  @ApiProperty({ type: [InboundFileDto] }) files!: InboundFileDto[];
}

export class TicketInboundMailPageDto {
  @ApiProperty({ type: [TicketInboundMailDto] }) items!: TicketInboundMailDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class TicketInboundMailQueryDto {
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @CursorField()
  cursor?: string;
}
