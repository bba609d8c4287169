import type { Response } from 'express';
import { ProblemType, type ProblemDocument } from '@relaydesk/contracts';

const TITLES: Record<number, [string, string]> = {
  400: ['Invalid input', ProblemType.Validation],
  401: ['Unauthorized', ProblemType.Unauthorized],
  403: ['Forbidden', ProblemType.Forbidden],
  404: ['Not found', ProblemType.NotFound],
  405: ['Method not allowed', ProblemType.NotFound],
  409: ['Conflict', ProblemType.Conflict],
  413: ['Payload too large', ProblemType.PayloadTooLarge],
  415: ['Unsupported media type', ProblemType.UnsupportedMediaType],
  422: ['Business rule violated', ProblemType.BusinessRule],
  429: ['Too many requests', ProblemType.TooManyRequests],
  500: ['Internal error', ProblemType.Internal],
  503: ['Service unavailable', ProblemType.ServiceUnavailable],
};

export function problem(
  status: number,
  detail?: string,
  extra: Partial<ProblemDocument> = {},
): ProblemDocument {
  const [title, type] = TITLES[status] ?? (status >= 500 ? TITLES[500] : TITLES[400]);
  return { type, title, status, ...(detail ? { detail } : {}), ...extra };
}

export function sendProblem(res: Response, doc: ProblemDocument): void {
  if (res.headersSent) return;
  res.status(doc.status).type('application/problem+json').send(JSON.stringify(doc));
}
