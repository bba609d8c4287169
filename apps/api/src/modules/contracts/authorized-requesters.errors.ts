import { ProblemType } from '@relaydesk/contracts';
import { ForbiddenError } from '../../common/errors/domain-errors.js';

/**
 * 403 for a contact whose organization lets only its authorized requesters file. Its own problem
 * type lets a client show the refusal in the user's language rather than a bare "forbidden".
 * The text names nobody: who is on the list is the organization's business.
 */
export class NotAuthorizedRequesterError extends ForbiddenError {
  constructor(underContract: boolean) {
    super(
      underContract
        ? 'You are not among the people allowed to file requests under this contract; please ask one of them, or your administrator'
        : 'Your organization lets only named people file requests; please ask one of them, or your administrator',
      { type: ProblemType.NotAuthorizedRequester },
    );
  }
}
