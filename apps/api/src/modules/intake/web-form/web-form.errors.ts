import { PROBLEM_BASE } from '@relaydesk/contracts';
import { DomainError } from '../../../common/errors/domain-errors.js';

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
