import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (unknown field, wrong type, NUL byte, bad cursor)',
  401: 'Missing, invalid or expired credentials',
  403: 'Authenticated, but the role does not allow this',
  404: 'Not found, or not visible to the caller',
  409: 'Version conflict, or an action the current state does not allow',
  410: 'Gone for good (an expired link)',
  413: 'Body or upload too large',
  415: 'Unsupported media type',
  422: 'Valid input that breaks a business rule',
  429: 'Too many requests; see Retry-After',
  503: 'The database is unavailable for now; see Retry-After',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
};

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** Documents the RFC 9457 error responses an endpoint can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
        content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
      }),
    ),
  );
}
