import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { InvalidInputError } from '../errors/domain-errors.js';

function flatten(errors: ValidationError[], prefix = ''): ProblemFieldError[] {
  const out: ProblemFieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...flatten(e.children, field));
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
