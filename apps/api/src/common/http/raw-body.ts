import express, { type NextFunction, type Request, type Response } from 'express';
import { problem, sendProblem } from '../errors/problem.js';

/**
 * Reads the body of `types` as bytes into `req.body` (a Buffer) for one route, ahead of the JSON
 * middleware, which then leaves the request alone: raw RFC 822 mail piped in by an MTA. Other
 * types on that route fall through to the JSON middleware's own answer (415).
 */
const READ = Symbol('relaydesk:raw-body-read');

/** Whether rawBodyMiddleware took this request's body (the JSON middleware then stands aside). */
export function rawBodyRead(req: Request): boolean {
  return (req as Request & { [READ]?: boolean })[READ] === true;
}

export function rawBodyMiddleware(types: string[], limitBytes: number, what: string) {
  const parse = express.raw({ type: types, limit: limitBytes });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.is(types)) {
      next();
      return;
    }
    const tooLarge = () =>
      sendProblem(res, problem(413, `The ${what} is larger than ${limitBytes} bytes`));
    // Refused before reading, when the length is announced.
    if (Number(req.headers['content-length']) > limitBytes) {
      tooLarge();
      return;
    }
    parse(req, res, (err?: unknown) => {
      if (!err) {
        (req as Request & { [READ]?: boolean })[READ] = true;
        next();
        return;
      }
      if ((err as { type?: string }).type === 'entity.too.large') tooLarge();
      else sendProblem(res, problem(400, `The ${what} could not be read`));
    });
  };
}
