import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  E164_PATTERN,
  normalizePhone,
  PHONE_FORMAT_HINT,
  PHONE_MAX_LENGTH,
} from '@relaydesk/contracts';

/**
 * A `phone` a request sets: separators removed (normalizePhone, the one place that does it),
 * then E.164 or a 400. Blank or null clears the number. Every endpoint that writes users.phone
 * uses this, so nothing stores a number an SMS gateway cannot take.
 */
export const PhoneField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: PHONE_MAX_LENGTH,
      example: '+420601123456',
      description:
        `For SMS: ${PHONE_FORMAT_HINT}; stored without separators. ` +
        'null or blank removes it (and turns SMS off)',
    }),
    // The length limit is on what the client sent, before separators are taken out.
    MaxLength(PHONE_MAX_LENGTH),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && value.length <= PHONE_MAX_LENGTH ? normalizePhone(value) : value,
    ),
    IsOptional(),
    IsString(),
    Matches(E164_PATTERN, { message: `$property must be ${PHONE_FORMAT_HINT}` }),
  );
