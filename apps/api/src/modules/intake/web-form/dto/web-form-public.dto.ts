import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { LOCALES, type Locale } from '@relaydesk/contracts';
import { TranslatedTextDto } from '../../../../common/openapi/translated-text.dto.js';
import { FIELD_LIMITS, UUID_SCHEMA } from '../../../../common/openapi/request-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const FORM_TOKEN_MAX = 200;
export const DESCRIPTION_MAX = 20_000;
export const HONEYPOT_MAX = 500;

export class WebFormTypeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
}

export class WebFormConfigDto {
  @ApiProperty({ description: 'false: the form is closed; nothing else is given' })
  enabled!: boolean;
  @ApiProperty({ type: [WebFormTypeDto] }) types!: WebFormTypeDto[];
  @ApiProperty({ type: 'integer', description: 'Files one submission may carry' })
  maxFiles!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Bytes all files of one submission may have together',
  })
  maxFileBytes!: number;
  @ApiProperty({
    description:
      'Send it back with the submission: it carries the time the form was opened (signed), for the minimum fill time. It serves one accepted submission; fetch a new one for the next',
  })
  formToken!: string;
}

export class WebFormSubmissionDto {
  @ApiProperty({ format: 'email', maxLength: FIELD_LIMITS.email })
  @Transform(trim)
  @IsString()
  @MaxLength(FIELD_LIMITS.email)
  @IsEmail()
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: FIELD_LIMITS.name })
  @Transform(trim)
  @IsString()
  @Length(1, FIELD_LIMITS.name)
  name!: string;

  @ApiProperty({ minLength: 1, maxLength: 250 })
  @Transform(trim)
  @IsString()
  @Length(1, 250)
  subject!: string;

  @ApiProperty({ minLength: 1, maxLength: DESCRIPTION_MAX })
  @IsString()
  @Length(1, DESCRIPTION_MAX)
  description!: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'One of the types GET /web-form offers' })
  @IsOptional()
  @IsUUID()
  typeId?: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'en', description: 'The language of the mails' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiProperty({ maxLength: FORM_TOKEN_MAX, description: 'formToken from GET /web-form' })
  @IsString()
  @MaxLength(FORM_TOKEN_MAX)
  formToken!: string;

  @ApiPropertyOptional({
    maxLength: HONEYPOT_MAX,
    description: 'Leave empty. The form hides it from people; bots fill it in',
  })
  @IsOptional()
  @IsString()
  @MaxLength(HONEYPOT_MAX)
  website?: string;
}

export const SUBMISSION_OUTCOMES = ['accepted'] as const;

/** The same for every address: whether a contact's ticket was filed at once is told by mail only. */
export class WebFormSubmissionResultDto {
  @ApiProperty({
    enum: SUBMISSION_OUTCOMES,
    description:
      'accepted: the sender is told by e-mail what happens next (a confirmation link, or the ticket’s acknowledgement)',
  })
  status!: (typeof SUBMISSION_OUTCOMES)[number];
}

export const CONFIRMATION_OUTCOMES = ['confirmed', 'already_confirmed'] as const;

export class WebFormConfirmationDto {
  @ApiProperty({ enum: CONFIRMATION_OUTCOMES })
  status!: (typeof CONFIRMATION_OUTCOMES)[number];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'null only if the ticket was deleted since',
  })
  ticketNumber!: number | null;
}
