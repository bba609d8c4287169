import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemType } from '@relaydesk/contracts';
import {
  BusinessRuleError,
  DomainError,
  InvalidInputError,
  ServiceUnavailableError,
  TooManyRequestsError,
  VersionConflictError,
  TransitionNotAllowedError,
} from './domain-errors.js';
import { problem, sendProblem } from './problem.js';
import { redactUrl } from '../logging/redact.js';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
} from '../database/database-unavailable.js';

/** While the database is away every request fails the same way: one log line per this long. */
const OUTAGE_LOG_INTERVAL_MS = 10_000;

/**
 * The only place that turns errors into HTTP responses: RFC 9457 problem+json, with no stack,
 * SQL or path ever leaving the process. Unknown errors are logged and become a bare 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  private lastOutageLogAt = 0;
  private outageErrorsNotLogged = 0;

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();

    // Before anything else: a lost connection may surface wrapped in any error (a query in a
    // guard, a commit, the pool's wait), and must never read as a 401, 500 or success.
    if (!(error instanceof DomainError) && isDatabaseUnavailable(error)) {
      this.logOutage(error);
      error = new ServiceUnavailableError(
        'The database is not available right now; try again shortly',
        DATABASE_RETRY_AFTER_SECONDS,
      );
    }

    if (error instanceof DomainError) {
      const extra: Record<string, unknown> = { ...error.extensions };
      if (error instanceof InvalidInputError || error instanceof BusinessRuleError) {
        extra.errors = error.errors;
      }
      if (error instanceof TooManyRequestsError || error instanceof ServiceUnavailableError) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      if (error instanceof VersionConflictError) extra.type = ProblemType.VersionConflict;
      if (error instanceof TransitionNotAllowedError) extra.type = ProblemType.TransitionNotAllowed;
      sendProblem(res, problem(error.status, error.message, extra));
      return;
    }

    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      let detail = error.message;
      if (typeof body === 'object' && body !== null && 'message' in body) {
        const m = (body as { message: unknown }).message;
        detail = Array.isArray(m) ? m.join('; ') : String(m);
      }
      if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(detail)) {
        detail = 'No such endpoint';
      }
      if (status >= 500) this.logger.error(error.stack ?? String(error));
      sendProblem(res, problem(status, status >= 500 ? undefined : detail));
      return;
    }

    const pgProblem = fromPostgresError(error);
    if (pgProblem) {
      sendProblem(res, pgProblem);
      return;
    }

    this.logger.error(
      { err: error, method: req.method, url: redactUrl(req.originalUrl) },
      error instanceof Error ? error.message : 'Unhandled error',
    );
    sendProblem(res, problem(500, 'Something went wrong on our side; it has been logged'));
  }

  private logOutage(error: unknown): void {
    const now = Date.now();
    if (now - this.lastOutageLogAt < OUTAGE_LOG_INTERVAL_MS) {
      this.outageErrorsNotLogged++;
      return;
    }
    const more = this.outageErrorsNotLogged
      ? ` (${this.outageErrorsNotLogged} more since the last report)`
      : '';
    this.lastOutageLogAt = now;
    this.outageErrorsNotLogged = 0;
    this.logger.warn(
      `Database unavailable, answering 503: ${error instanceof Error ? error.message : String(error)}${more}`,
    );
  }
}

/**
 * A safety net, not the first line of defence: input that slipped past validation and was
 * refused by a database constraint is still the caller's mistake, never a 500.
 */
function fromPostgresError(error: unknown) {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ??
    (error as { code?: unknown })?.code;
  switch (code) {
    case '22P02': // invalid text representation (e.g. not a uuid)
    case '22001': // string too long
    case '22007': // invalid datetime
    case '22008': // datetime out of range
    case '22003': // numeric out of range
    case '22021': // bad byte sequence
    case '23502': // null in a NOT NULL column
      return problem(400, 'A value has the wrong format or is out of range');
    case '23503':
      return problem(422, 'A referenced record does not exist');
    case '23505':
      return problem(409, 'A record with the same unique value already exists');
    case '23514':
      return problem(422, 'A value breaks a rule of the data model');
    case '40001': // serialization failure
    case '40P01': // deadlock: e.g. a transition racing an admin's edit of the workflow
      return problem(409, 'The change collided with another one made at the same time; try again');
    default:
      return null;
  }
}
