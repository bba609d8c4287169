import { PROBLEM_BASE } from '@relaydesk/contracts';
import { ConflictError, DomainError } from '../../../common/errors/domain-errors.js';

/** 404: the link was never issued by us, was altered, or its ticket or requester changed. */
export class LinkInvalidError extends DomainError {
  readonly status = 404;
  constructor() {
    super('This rating link is not valid');
  }
}

/** 410: an authentic link past its expiry; it will never work again. */
export class LinkExpiredError extends DomainError {
  readonly status = 410;
  constructor() {
    super('This rating link has expired', {
      type: `${PROBLEM_BASE}rating-link-expired`,
      title: 'Gone',
    });
  }
}

/** 409: the link has been used; a link records one answer. */
export class RatingAlreadyRecordedError extends ConflictError {
  constructor() {
    super('A rating has already been recorded with this link');
  }
}
