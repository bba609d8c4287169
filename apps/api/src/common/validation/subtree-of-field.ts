import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import { UUID_SCHEMA } from '../openapi/request-fields.js';

/** Departments one may list the subtrees of at once (a head rarely heads more than a few). */
export const MAX_SUBTREE_ROOTS = 20;

/**
 * The `subtreeOf` query field: department ids, comma-separated, whose whole trees a list keeps
 * to (a department head's pickers). `description` says what of those trees is listed.
 */
export const SubtreeOfField = (description: string) =>
  // Listed bottom-up, the order stacked decorators run in, so the validators and their errors
  // come in the order they always had.
  applyDecorators(
    IsUUID('loose', { each: true }),
    ArrayMaxSize(MAX_SUBTREE_ROOTS),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.split(',').filter(Boolean) : value,
    ),
    IsOptional(),
    ApiPropertyOptional({
      type: 'array',
      items: { type: 'string', ...UUID_SCHEMA },
      maxItems: MAX_SUBTREE_ROOTS,
      description,
    }),
  );
