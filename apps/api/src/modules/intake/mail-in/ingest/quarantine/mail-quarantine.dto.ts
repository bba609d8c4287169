import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CursorField, UUID_SCHEMA } from '../../../../../common/openapi/request-fields.js';

export class QuarantineTicketRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1042 }) number!: number;
}

/** A held message as staff judge it: who sent it, why it is held; never acted on by itself. */
export class QuarantinedMailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The From address: the identity' })
  fromAddress!: string | null;
  @ApiProperty({ description: 'The From display name, as sent' }) fromName!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Reply-To, when it differs from From (never the sender’s identity)',
  })
  replyTo!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why it is held: unknown sender, rate limit, a thread the sender may not see',
  })
  reason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mailboxId!: string | null;
  @ApiProperty({
    type: QuarantineTicketRefDto,
    nullable: true,
    description: 'The ticket its threading pointed at (flagged: the sender may not see it)',
  })
  threadTicket!: QuarantineTicketRefDto | null;
  @ApiProperty({ description: 'Whether a contact exists for the From address' })
  knownSender!: boolean;
}

export class QuarantinedMailDetailDto extends QuarantinedMailDto {
  @ApiProperty({ description: 'The plain text (decoded; at most 20,000 characters)' })
  text!: string;
  @ApiProperty({ type: [String], description: 'Names of the attached files' })
  attachmentNames!: string[];
}

export class QuarantinePageDto {
  @ApiProperty({ type: [QuarantinedMailDto] }) items!: QuarantinedMailDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class QuarantinePageQueryDto {
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

export class AcceptQuarantinedMailDto {
  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description:
      'The organization of the contact to create, when no contact has the sender’s address and ' +
      'no organization allows its domain',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class AcceptedMailDto {
  @ApiProperty({ type: QuarantineTicketRefDto }) ticket!: QuarantineTicketRefDto;
  @ApiProperty({ format: 'uuid', description: 'The requester: the contact found or created' })
  contactId!: string;
  @ApiProperty({ description: 'Whether the contact was created by this accept' })
  contactCreated!: boolean;
}
