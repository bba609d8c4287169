import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../database/sql.js';
import { UUID_SCHEMA } from '../openapi/request-fields.js';
import { IsOptionalNonNull, LowerCaseIds } from '../validation/dto-decorators.js';

/**
 * The id lists of the "any of" conditions (assignment rules, SLA policies): how a request gives
 * one and how saving checks that each id names a row. The tables a condition may list, with the
 * word their field messages use.
 */
const LISTED = {
  organizations: 'organization',
  ticket_types: 'ticket type',
  categories: 'category',
  projects: 'project',
  contracts: 'contract',
  service_objects: 'service object',
  equipment_types: 'equipment type',
} as const;

export type ListedTable = keyof typeof LISTED;

/** An optional list of at most `maxItems` distinct ids (lower-cased), documented and validated. */
export const IdListCondition = (maxItems: number, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      ...UUID_SCHEMA,
      maxItems,
      ...(description === undefined ? {} : { description }),
    }),
    IsOptionalNonNull(),
    IsArray(),
    ArrayMaxSize(maxItems),
    ArrayUnique(),
    LowerCaseIds(),
    IsUUID('loose', { each: true }),
  );

/** A field error (`no such contract: <id>`) for each id of the list that names no row. */
export async function missingIds(
  em: EntityManager,
  field: string,
  table: ListedTable,
  ids: readonly string[] | undefined,
): Promise<ProblemFieldError[]> {
  if (!ids?.length) return [];
  const found = await sql<{ id: string }>(
    em,
    `SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const known = new Set(found.map((r) => r.id));
  return ids
    .filter((id) => !known.has(id))
    .map((id) => ({ field, message: `no such ${LISTED[table]}: ${id}` }));
}
