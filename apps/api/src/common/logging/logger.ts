import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Logger as NestPinoLogger, LoggerModule } from 'nestjs-pino';
import { pino, type Logger } from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import { REDACTED, REDACTED_LOG_PATHS, redactUrl } from './redact.js';

export function createRootLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: REDACTED_LOG_PATHS, censor: REDACTED },
  });
}

/** An incoming X-Request-Id worth keeping: short, and nothing a log reader could trip over. */
const SANE_REQUEST_ID = /^[\w.-]{1,100}$/;

/** What pino-http needs from a request once Passport has run: the user, when there is one. */
type AuthenticatedRequest = IncomingMessage & { id?: unknown; user?: { id?: unknown } };

/**
 * The request log: one JSON line per request when its response ends, with the request id (taken
 * from a sane X-Request-Id or made, and echoed in the response), method, redacted URL, status,
 * responseTime (ms) and, once the request was authenticated, userId. Bodies, headers and
 * cookies are never serialized; REDACTED_LOG_PATHS covers anything that logs them by hand.
 */
export function requestLogOptions(logger: Logger): Options<AuthenticatedRequest, ServerResponse> {
  return {
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Called again when the response ends, by which time the guards have set req.user.
    customProps: (req) => {
      const userId = req.user?.id;
      return typeof userId === 'string' ? { userId } : {};
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * The request logger, mounted first (create-app.ts) so every request is logged, including those
 * a body limit or the SPA hosting answers before Nest's router sees them.
 */
export function requestLogger(logger: Logger) {
  return pinoHttp(requestLogOptions(logger));
}

/**
 * nestjs-pino on top of that request logger (`useExisting`): it binds each request's `req.log`
 * to the request's async context, so whatever Nest or a service logs while serving a request
 * carries its id; logs outside a request go to `logger`.
 */
export function loggingModule(logger: Logger) {
  return LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true });
}

/** Nest's start-up chatter: one line per module and route, useful only when debugging. */
const BOOT_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
]);

/** Nest's own LoggerService (app.useLogger): nestjs-pino's, with the start-up lines at debug. */
@Injectable()
export class AppLogger extends NestPinoLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) {
      super.debug(message, ...optionalParams);
    } else {
      super.log(message, ...optionalParams);
    }
  }
}
