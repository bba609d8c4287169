import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { LOCALES, type Locale } from '@relaydesk/contracts';
import { VersionField } from '../../../../common/openapi/request-fields.js';

export const ACCEPTANCE_DECISIONS = ['accept', 'reject'] as const;
export type AcceptanceDecision = (typeof ACCEPTANCE_DECISIONS)[number];

/** Longest comment a rating keeps; a rating is a remark, the conversation is for the rest. */
export const RATING_COMMENT_MAX = 5000;

export class AcceptanceDto {
  @ApiProperty({
    enum: ACCEPTANCE_DECISIONS,
    description:
      'accept: the ticket moves to a closed-category status and the rating is stored; ' +
      'reject: it goes back to work (an open-category status, else a new-category one)',
  })
  @IsIn(ACCEPTANCE_DECISIONS)
  decision!: AcceptanceDecision;

  @VersionField({ description: 'The ticket version you read; a stale one gets 409' })
  version!: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    description: 'Required to accept (422 without); not taken with a rejection',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional({
    maxLength: 100000,
    description:
      'accept: stored with the rating (at most 5000 characters), not posted to the conversation; ' +
      'reject: required, posted as a public comment saying what is still wrong',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100000)
  comment?: string;
}

export class RatingLinkDto {
  @ApiProperty({
    description:
      "The page's path, relative to the server's public address (the e-mail sender prefixes it). " +
      'The path holds the token: treat it as a password until it expires.',
    example: '/api/v1/public/ratings/eyJ0aWNrZXRJZCI6Ij….Zm9v',
  })
  url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

/** The body of a rating given through a link: JSON, or the page's form (form-urlencoded). */
export class LinkRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'A number, or its digit in a form' })
  rating!: number;
  @ApiPropertyOptional({ maxLength: RATING_COMMENT_MAX }) comment?: string;
}

export class RatingLinkInfoDto {
  @ApiProperty({ example: 1042 }) ticketNumber!: number;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: LOCALES, description: "The requester's language" }) locale!: Locale;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'Whether this link has been used' }) recorded!: boolean;
}
