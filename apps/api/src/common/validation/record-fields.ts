// The field decorators of the record DTOs (the contracts registers, the work log): one schema and
// one validation for a date, a line of text, free text and a reference, wherever they appear.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { IsOptionalOrNull, UUID_SCHEMA } from '../openapi/request-fields.js';
import { IsNotBlank, IsOptionalNonNull, LowerCaseIds } from './dto-decorators.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date that exists (2026-02-30 does not), years 1-9999. */
function isRealDate(value: unknown): boolean {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return y >= 1 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export interface RecordFieldOptions {
  description?: string;
  /** PATCH: may be left out; `nullable` also lets null clear it. */
  optional?: boolean;
  nullable?: boolean;
}

function presence(options: RecordFieldOptions) {
  if (!options.optional) return [];
  return [options.nullable ? IsOptionalOrNull() : IsOptionalNonNull()];
}

function doc(options: RecordFieldOptions, schema: Record<string, unknown>) {
  const Doc = options.optional ? ApiPropertyOptional : ApiProperty;
  return Doc({
    ...schema,
    ...(options.nullable ? { type: String, nullable: true } : {}),
    description: options.description,
  });
}

/** A date without time, `YYYY-MM-DD`. */
export const DateOnlyField = (options: RecordFieldOptions = {}) =>
  applyDecorators(
    doc(options, { format: 'date', pattern: DATE.source, maxLength: 10, example: '2026-03-31' }),
    ...presence(options),
    IsString(),
    Matches(DATE, { message: '$property must be a date as YYYY-MM-DD' }),
    ValidateBy({
      name: 'isRealDate',
      validator: {
        validate: isRealDate,
        defaultMessage: () => '$property is not a calendar date',
      },
    }),
  );

/** A required-looking line of text (names, titles, numbers): 1..max characters, not blank. */
export const LineField = (max: number, options: RecordFieldOptions = {}) =>
  applyDecorators(
    doc(options, { minLength: 1, maxLength: max }),
    ...presence(options),
    IsString(),
    MinLength(1),
    MaxLength(max),
    IsNotBlank(),
  );

/** Free text that may be empty. */
export const TextField = (max: number, options: RecordFieldOptions = {}) =>
  applyDecorators(
    doc(options, { maxLength: max }),
    ...presence(options),
    IsString(),
    MaxLength(max),
  );

/** A reference by id. */
export const RefField = (options: RecordFieldOptions = {}) =>
  applyDecorators(
    doc(options, { ...UUID_SCHEMA }),
    ...presence(options),
    LowerCaseIds(),
    IsUUID('loose'),
  );
