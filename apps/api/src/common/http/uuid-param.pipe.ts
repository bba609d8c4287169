import { Injectable, Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { NotFoundError } from '../errors/domain-errors.js';
import { UUID_SCHEMA } from '../openapi/request-fields.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID names nothing: 404, the same as an id that does not exist. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw new NotFoundError();
    return value.toLowerCase();
  }
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * A UUID path parameter: documented as `format: uuid` with its length, and checked by ParseIdPipe
 * (anything else is a 404, the same as an id that does not exist).
 */
export function IdParam(name = 'id', description?: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, ParseIdPipe)(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor) return;
    ApiParam({ name, type: String, ...UUID_SCHEMA, description })(target, key, descriptor);
  };
}
