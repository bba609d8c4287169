import type { TFunction } from 'i18next';
import { ProblemType } from '@relaydesk/contracts';
import type { Problem } from '@relaydesk/api-client';

type FieldKey =
  | 'required'
  | 'tooLong'
  | 'tooShort'
  | 'email'
  | 'phone'
  | 'future'
  | 'daysAhead'
  | 'date'
  | 'number'
  | 'option'
  | 'currentPassword'
  | 'inUse'
  | 'rating'
  | 'rejectReason'
  | 'unknownChoice'
  | 'notEditable';

/**
 * The API writes its field messages in English, for people (class-validator's and its own).
 * These are the ones a user can meet in a form, recognised by their wording, first match wins:
 * "required" before "at least", since class-validator says an empty required text "must be
 * longer than or equal to 1 characters".
 */
const FIELD_MESSAGES: readonly [
  RegExp,
  FieldKey,
  ((m: RegExpMatchArray) => Record<string, number>)?,
][] = [
  [
    /^is required$|^must be filled|should not be empty|must not be blank|longer than or equal to 1 characters/,
    'required',
  ],
  [/(?:shorter than or equal to|at most) (\d+) characters/, 'tooLong', (m) => ({ max: +m[1] })],
  [/longer than or equal to (\d+) characters/, 'tooShort', (m) => ({ min: +m[1] })],
  [/must be an email/, 'email'],
  [/E\.164/, 'phone'],
  [/in the future/, 'future'],
  [/at most (\d+) days ahead/, 'daysAhead', (m) => ({ days: +m[1] })],
  [/\bdate\b|ISO 8601/, 'date'],
  [/must be a number|must be an integer/, 'number'],
  [/one of the (?:options|following values)|not options/, 'option'],
  [/^does not match$/, 'currentPassword'],
  [/already in use/, 'inUse'],
  [/from 1 to 5/, 'rating'],
  [/say what is still wrong/, 'rejectReason'],
  [/^no (?:active |usable )?[\w ]+ with this id$|^no such |^no active /, 'unknownChoice'],
  [/cannot be set by clients|is not a field of this ticket type/, 'notEditable'],
];

/**
 * A field message in the user's language. English keeps the API's own sentence, which says
 * more than a translation table can; another language gets the translated sentence for the
 * kind of message, or a plain "not accepted" for one without a translation.
 */
export function fieldErrorText(message: string, t: TFunction, language: string): string {
  if (language === 'en') return message;
  for (const [pattern, key, params] of FIELD_MESSAGES) {
    const m = message.match(pattern);
    if (m) return t(`errors.field.${key}`, { ...params?.(m) });
  }
  return t('errors.field.invalid');
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
