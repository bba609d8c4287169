import type { NextFunction, Request, Response } from 'express';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
} from '../../../common/database/database-unavailable.js';
import { problem, sendProblem } from '../../../common/errors/problem.js';
import type { ApiTokenAuthenticator } from './api-token-authenticator.js';
import { apiTokenOf } from './api-token-secret.js';

/**
 * For a route whose body is read by a middleware ahead of the guards (raw mail, up to 25 MB):
 * a valid API token is required before a byte of it is read, so an anonymous caller cannot make
 * the server take in 25 MB to hear 401. No or another kind of bearer, or an unknown, revoked or
 * expired token, is answered 401 at once (closeConnectionOnUnreadBody then hangs up instead of
 * draining). The guards still run afterwards: scopes and everything else stay theirs.
 */
export function apiTokenFirst(tokens: ApiTokenAuthenticator) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const raw = apiTokenOf(req.headers.authorization);
    if (raw === null) {
      sendProblem(res, problem(401, 'Send Authorization: Bearer <API token>'));
      return;
    }
    tokens.authenticate(raw).then(
      (user) => {
        if (user) next();
        // One answer for unknown, revoked, expired and deactivated, as the guard gives.
        else sendProblem(res, problem(401, 'The API token is not valid'));
      },
      (error: unknown) => {
        if (isDatabaseUnavailable(error)) {
          res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
          sendProblem(
            res,
            problem(503, 'The database is not available right now; try again shortly'),
          );
        } else {
          sendProblem(res, problem(500, 'Something went wrong on our side; it has been logged'));
          req.log?.error({ err: error }, 'API token check failed');
        }
      },
    );
  };
}
