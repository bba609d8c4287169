import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a JSON Schema in openapi.json that the document-driven tests read. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  uniqueItems?: boolean;
  maxProperties?: number;
  additionalProperties?: boolean | Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
export interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** The committed document (the drift test keeps it equal to the code's). */
export const doc = JSON.parse(
  readFileSync(join(__dirname, '../../../../openapi.json'), 'utf8'),
) as unknown as Doc;

/** A schema with its $ref chain followed and a lone allOf wrapper unwrapped. */
export function resolveSchema(schema: Schema): Schema {
  let s = schema;
  while (s.$ref) s = doc.components.schemas[s.$ref.split('/').pop() as string];
  if (s.allOf?.length === 1 && !s.properties) return resolveSchema(s.allOf[0]);
  return s;
}

export const schemaTypes = (s: Schema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
export const isType = (s: Schema, t: string) => schemaTypes(s).includes(t);
