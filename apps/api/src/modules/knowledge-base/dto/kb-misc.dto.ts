import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, MaxLength } from 'class-validator';
import { UUID_SCHEMA } from '../../../common/openapi/request-fields.js';
import { IsOptionalNonNull, LowerCaseIds } from '../../../common/validation/dto-decorators.js';
import { KbPersonDto } from './kb-article.dto.js';

export const RATING_COMMENT_MAX = 2000;

export class KbVoteDto {
  @ApiProperty({ description: 'true: helpful' })
  @IsBoolean()
  helpful!: boolean;
  @ApiPropertyOptional({ maxLength: RATING_COMMENT_MAX, description: 'Seen by staff only' })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(RATING_COMMENT_MAX)
  comment?: string;
}

export class KbVoteResultDto {
  @ApiProperty() helpful!: boolean;
  @ApiProperty() helpfulCount!: number;
  @ApiProperty() notHelpfulCount!: number;
}

export class KbRatingDto {
  @ApiProperty({ type: KbPersonDto }) user!: KbPersonDto;
  @ApiProperty() helpful!: boolean;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class KbLinkTicketDto {
  @ApiProperty(UUID_SCHEMA)
  @LowerCaseIds()
  @IsUUID()
  ticketId!: string;
}

export class KbRelatedTicketDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() subject!: string;
  @ApiProperty({ format: 'date-time' }) linkedAt!: string;
}
