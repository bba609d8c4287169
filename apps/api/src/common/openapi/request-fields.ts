import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

/**
 * Limits of request fields, by kind. The OpenAPI document states them and the validators keep
 * them: the decorators below set both from the same number, and the limit walk
 * (test/openapi-limits.e2e-spec.ts) sends each documented limit plus one and expects a 400.
 */
export const FIELD_LIMITS = {
  uuid: 36,
  name: 200,
  text: 100_000,
  email: 254,
  search: 200,
  cursor: 500,
  key: 50,
  // 2026-01-31T23:59:59.123456789+01:00 is 35 characters
  dateTime: 35,
  date: 10,
  // A password is hashed, never stored; the limit only bounds the hashing work.
  password: 1024,
  token: 200,
  int32: 2_147_483_647,
  /** Keys of a ticket's customFields in one request. */
  customFields: 200,
} as const;

/** Spread into ApiProperty options of a field that @IsUUID validates (which caps its length). */
export const UUID_SCHEMA = { format: 'uuid', maxLength: FIELD_LIMITS.uuid } as const;

/** A password: shown masked by documentation tools; checked with MaxLength(FIELD_LIMITS.password). */
export const PASSWORD_SCHEMA = { format: 'password', maxLength: FIELD_LIMITS.password } as const;

/** Spread into ApiProperty options of a field that @IsDateTime validates. */
export const DATE_TIME_SCHEMA = { format: 'date-time', maxLength: FIELD_LIMITS.dateTime } as const;

/** ISO 8601 date-time with offset, at most FIELD_LIMITS.dateTime characters. */
export const IsDateTime = () =>
  applyDecorators(IsDateString({ strict: true }), MaxLength(FIELD_LIMITS.dateTime));

interface IntFieldOptions {
  min: number;
  max: number;
  /** true: may be left out or null; 'non-null': may be left out, but null is refused. */
  optional?: boolean | 'non-null';
  description?: string;
  default?: number;
  example?: number;
  nullable?: boolean;
}

/** A 32-bit integer within [min, max], documented and validated from the same numbers. */
export function IntField(options: IntFieldOptions) {
  const { min, max, optional, ...rest } = options;
  const Doc = optional ? ApiPropertyOptional : ApiProperty;
  return applyDecorators(
    Doc({ type: 'integer', format: 'int32', minimum: min, maximum: max, ...rest }),
    ...(optional === 'non-null'
      ? [ValidateIf((_object: unknown, value: unknown) => value !== undefined)]
      : optional
        ? [IsOptional()]
        : []),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** The `version` a write carries for optimistic locking. */
export const VersionField = (options: { optional?: boolean; description?: string } = {}) =>
  IntField({
    min: 1,
    max: FIELD_LIMITS.int32,
    description: 'The version you read; a stale one gets 409',
    ...options,
  });

/** Optional, and null clears it (for nullable columns). */
export const IsOptionalOrNull = () =>
  ValidateIf((_object: unknown, value: unknown) => value !== undefined && value !== null);

const CURSOR_FORMAT = /^[A-Za-z0-9_-]*$/;

/** `cursor` of a keyset-paginated list: the opaque nextCursor of the previous page (base64url). */
export const CursorField = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: 'nextCursor from the previous page',
      maxLength: FIELD_LIMITS.cursor,
      pattern: CURSOR_FORMAT.source,
    }),
    IsOptional(),
    IsString(),
    MaxLength(FIELD_LIMITS.cursor),
    Matches(CURSOR_FORMAT, { message: '$property is not a cursor this API issued' }),
  );

/** An object with at most `max` keys (document it with `maxProperties`). */
export const MaxProperties = (max: number) =>
  ValidateBy({
    name: 'maxProperties',
    constraints: [max],
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'object' || value === null || Object.keys(value).length <= max,
      defaultMessage: () => `$property must have at most ${max} keys`,
    },
  });
