import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { InvalidInputError } from '../errors/domain-errors.js';

/**
 * The field errors of a validation, depth first in document order. The error tree mirrors the
 * body, which is at most MAX_JSON_DEPTH (32) levels deep (body-parsing.ts), but it is walked with
 * an explicit stack anyway.
 */
function flatten(errors: ValidationError[]): ProblemFieldError[] {
  const out: ProblemFieldError[] = [];
  const stack = errors.map((error) => ({ error, prefix: '' })).reverse();
  while (stack.length > 0) {
    const { error: e, prefix } = stack.pop()!;
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    for (let i = (e.children?.length ?? 0) - 1; i >= 0; i--) {
      stack.push({ error: e.children![i], prefix: field });
    }
  }
  return out;
}

/** Unknown fields are a 400, never silently dropped or stored (api-conventions.md). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: false,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new InvalidInputError('The request has invalid fields', flatten(errors)),
  });
}
