import type { NextFunction, Request, Response } from 'express';

/** Up to this much unread body is cheaper to drain (and keep the connection) than to drop. */
const DRAIN_AT_MOST_BYTES = 1024 * 1024;

/**
 * For every request, and above all uploads, which are read only once the caller has been checked:
 * when the answer goes out before the body has been read, e.g. a 401, a 404 for a ticket the
 * caller cannot see, or a 413/415 for a body nothing will read, Node would otherwise read and discard the whole body to keep the connection
 * alive, so a 20 MB upload to someone else's ticket would still cost 20 MB of reading. A large
 * or unannounced remainder gets `Connection: close` instead, and Node closes the socket after
 * the answer; a small one is drained as before.
 */
export function closeConnectionOnUnreadBody(req: Request, res: Response, next: NextFunction): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    if (!req.complete && !res.headersSent && !fitsDrain(req)) {
      res.setHeader('Connection', 'close');
    }
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as Response['writeHead'];
  next();
}

function fitsDrain(req: Request): boolean {
  const declared = Number(req.get('content-length'));
  return Number.isFinite(declared) && declared <= DRAIN_AT_MOST_BYTES;
}
