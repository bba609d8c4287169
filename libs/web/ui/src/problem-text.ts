import type { TFunction } from 'i18next';
import { FIELD_MESSAGES, messageKey, ProblemType } from '@relaydesk/contracts';
import type { Problem } from '@relaydesk/api-client';

/**
 * A field message in the user's language. English keeps the API's own sentence, which says
 * more than a translation table can; another language gets the translated sentence for the
 * kind of message, or a plain "not accepted" for one without a translation.
 */
export function fieldErrorText(message: string, t: TFunction, language: string): string {
  if (language === 'en') return message;
  const found = messageKey(message, FIELD_MESSAGES);
  return found ? t(`errors.field.${found.key}`, found.params) : t('errors.field.invalid');
}

/**
 * The sentence for a problem document, by its type, else its status. English keeps the API's
 * `detail` where there is one (4xx only: a server error's detail is no news to a user).
 */
export function problemText(p: Problem, t: TFunction, language: string): string {
  if (p.status === 404) return t('errors.notFound');
  // Before the plain 403: this one tells the contact what to do (ask an authorized colleague).
  if (p.type === ProblemType.NotAuthorizedRequester) return t('errors.notAuthorizedRequester');
  if (p.status === 403) return t('errors.forbidden');
  if (p.type === ProblemType.VersionConflict || (p.status === 409 && 'currentVersion' in p)) {
    return t('errors.conflict');
  }
  if (p.status === 413) return t('errors.tooLarge');
  if (p.status >= 500) {
    return t(p.status === 503 ? 'errors.unavailable' : 'errors.server');
  }
  if (language === 'en' && p.detail) return p.detail;
  const withFields = (p.errors?.length ?? 0) > 0;
  if (p.type === ProblemType.TransitionNotAllowed) return t('errors.transitionNotAllowed');
  switch (p.status) {
    case 400:
      return t(withFields ? 'errors.fields' : 'errors.invalid');
    case 401:
      return t('errors.unauthorized');
    case 409:
      return t('errors.stateChanged');
    case 415:
      return t('errors.unsupportedType');
    case 422:
      return t(withFields ? 'errors.fields' : 'errors.businessRule');
    case 429:
      return t('errors.tooManyRequests');
    default:
      return language === 'en' ? (p.title ?? t('errors.generic')) : t('errors.generic');
  }
}
