import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID } from 'class-validator';
import { UUID_SCHEMA } from '../../../common/openapi/request-fields.js';

export {
  DateOnlyField,
  LineField,
  RefField,
  TextField,
} from '../../../common/validation/record-fields.js';

/** Limits of the registers' texts: long enough for real notes, short enough to bound a row. */
export const REGISTER_LIMITS = {
  name: 200,
  number: 100,
  notes: 10_000,
  address: 1000,
} as const;

/**
 * At most this many ids in a list's `ids` filter: a page (limit ≤ 200) holds them all, and the
 * query string stays under 4 KB, which every proxy in front of the API accepts.
 */
export const MAX_ID_FILTER = 100;

/**
 * `ids=a,b,c`: only these records (a form naming its chosen ones in one request instead of one
 * GET per id). An unknown or invisible id is simply absent from the page, never an error.
 */
export const IdsFilterField = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: `Only these records, comma-separated (1 to ${MAX_ID_FILTER}); one the reader may not see, or that does not exist, is simply absent`,
      type: 'array',
      items: { type: 'string', ...UUID_SCHEMA },
      minItems: 1,
      maxItems: MAX_ID_FILTER,
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.split(',').map((id) => id.trim().toLowerCase()) : value,
    ),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_ID_FILTER),
    IsUUID('loose', { each: true }),
  );
