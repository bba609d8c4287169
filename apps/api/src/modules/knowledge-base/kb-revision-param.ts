import { Injectable, Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { FIELD_LIMITS } from '../../common/openapi/request-fields.js';

/** A revision number in the path: anything but 1…2^31-1 names no revision (404). */
@Injectable()
class ParseRevisionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > FIELD_LIMITS.int32) {
      throw new NotFoundError('Revision');
    }
    return n;
  }
}

export function KbRevisionParam(name = 'number'): ParameterDecorator {
  return (target, key, index) => {
    Param(name, ParseRevisionPipe)(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor) return;
    ApiParam({
      name,
      schema: { type: 'integer', format: 'int32', minimum: 1, maximum: FIELD_LIMITS.int32 },
    })(target, key, descriptor);
  };
}
