import { Transform } from 'class-transformer';
import { Matches, ValidateIf } from 'class-validator';

/**
 * Optional, but not nullable: the field may be left out, and `null` fails the validators that
 * follow (a NOT NULL column must never receive it). `@IsOptional()` would let null through.
 */
export const IsOptionalNonNull = () =>
  ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** At least one non-space character. */
export const IsNotBlank = () => Matches(/\S/, { message: '$property must not be blank' });

/** Query strings carry "true"/"false"; anything else is left for @IsBoolean to refuse. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

function lower(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/** UUIDs compare as lower case, the way PostgreSQL prints them. */
export const LowerCaseIds = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map(lower) : lower(value),
  );
