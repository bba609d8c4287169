import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor, KEY_FORMAT } from './idempotency.interceptor.js';

/** A create endpoint that honours `Idempotency-Key`: a retried POST creates once. */
export const IdempotentCreate = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 200, pattern: KEY_FORMAT.source },
      description: 'Retrying with the same key and body returns the first result (24 h)',
    }),
  );
