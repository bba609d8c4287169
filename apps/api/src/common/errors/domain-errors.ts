import type { ProblemFieldError } from '@relaydesk/contracts';

/**
 * Errors that domain code throws. They say what went wrong in domain terms; the problem+json
 * filter alone decides how that looks over HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: input that does not have the right shape. */
export class InvalidInputError extends DomainError {
  readonly status = 400;
  constructor(
    message: string,
    readonly errors: ProblemFieldError[] = [],
  ) {
    super(message);
  }
}

/** 401: no, bad or expired credentials. */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;
}

/** 403: we know who you are, and this action is not yours to take. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
}

/** 404: missing, or not visible to the caller; the two are deliberately indistinguishable. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(what = 'Resource') {
    super(`${what} not found`);
  }
}

/** 409: the state changed under you or forbids the action now. */
export class ConflictError extends DomainError {
  readonly status = 409;
}

export class VersionConflictError extends ConflictError {
  constructor(currentVersion: number) {
    super('The resource was changed by someone else; reload it and apply your change again', {
      currentVersion,
    });
  }
}

export class TransitionNotAllowedError extends ConflictError {
  constructor(from: string, to: string, allowed: string[]) {
    super(
      `Moving from "${from}" to "${to}" is not allowed; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
      { currentStatus: from, allowedTransitions: allowed },
    );
  }
}

/** 413 */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
}

/** 415 */
export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
}

/** 422: well-formed input that breaks a business rule. */
export class BusinessRuleError extends DomainError {
  readonly status = 422;
  constructor(
    message: string,
    readonly errors: ProblemFieldError[] = [],
  ) {
    super(message);
  }
}

/** 429 */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** 503: a dependency (the database) is away for now; retrying later is expected to work. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
