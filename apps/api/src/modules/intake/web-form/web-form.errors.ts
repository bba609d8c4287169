import { PROBLEM_BASE } from '@relaydesk/contracts';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { BusinessRuleError, DomainError } from '../../../common/errors/domain-errors.js';

/** 410: an authentic confirmation link past its expiry; the request was never filed. */
export class ConfirmationExpiredError extends DomainError {
  readonly status = 410;
  constructor() {
    super('This confirmation link has expired; please send the form again', {
      type: `${PROBLEM_BASE}web-form-confirmation-expired`,
      title: 'Gone',
    });
  }
}

/** Problem types of a refused form token, so the page can say what to do in the visitor's language. */
export const FORM_TOKEN_PROBLEMS = {
  tooFast: `${PROBLEM_BASE}web-form-too-fast`,
  stale: `${PROBLEM_BASE}web-form-stale`,
  invalid: `${PROBLEM_BASE}web-form-invalid-token`,
} as const;

/** 422: the form token says the form was sent too soon after opening, long ago, or was forged. */
export class FormTokenRefusedError extends BusinessRuleError {
  constructor(
    kind: keyof typeof FORM_TOKEN_PROBLEMS,
    message: string,
    errors: ProblemFieldError[],
  ) {
    super(message, errors);
    this.extensions.type = FORM_TOKEN_PROBLEMS[kind];
  }
}
