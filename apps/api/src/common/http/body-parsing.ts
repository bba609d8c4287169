import express, { type NextFunction, type Request, type Response } from 'express';
import { problem, sendProblem } from '../errors/problem.js';

/** Path of the first string (or key) containing a NUL byte, which PostgreSQL cannot store. */
export function findNulByte(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(root)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNulByte(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = path ? `${path}.${k}` : k;
      if (k.includes('\u0000')) return key;
      const hit = findNulByte(v, key);
      if (hit) return hit;
    }
  }
  return null;
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * JSON body parsing with our own error answers: body-parser's errors happen before Nest's
 * routing, so Nest's exception filter never sees them.
 */
export function jsonBodyMiddleware(limitBytes: number) {
  const parse = express.json({
    limit: limitBytes,
    type: ['application/json', 'application/*+json'],
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (err?: unknown) => {
      if (err) {
        const e = err as BodyParserError;
        if (e.type === 'entity.too.large') {
          sendProblem(res, problem(413, `The JSON body is larger than ${limitBytes} bytes`));
        } else if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
          sendProblem(res, problem(415, 'Send JSON as UTF-8'));
        } else {
          sendProblem(res, problem(400, 'The body is not valid JSON'));
        }
        return;
      }
      const nulIn = findNulByte(req.body) ?? findNulByte(req.query);
      if (nulIn) {
        sendProblem(
          res,
          problem(400, 'Text must not contain NUL bytes', {
            errors: [{ field: nulIn, message: 'contains a NUL byte' }],
          }),
        );
        return;
      }
      next();
    });
  };
}
