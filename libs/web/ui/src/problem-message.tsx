import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';
import { fieldErrorText, problemText } from './problem-text';

/** A 409 saying the `version` a write carried is stale (not, say, a duplicate on a field). */
export function isVersionConflict(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    typeof error.problem.currentVersion === 'number'
  );
}

/**
 * A readable sentence for any error, in the user's language: never raw JSON, never the API's
 * English in another language (problem-text.ts).
 */
export function useErrorText() {
  const { t, i18n } = useTranslation('common');
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (error: unknown): string => {
    if (error instanceof ApiError) return problemText(error.problem, t, language);
    if (error instanceof TypeError) return t('errors.network');
    return t('errors.generic');
  };
}

/**
 * Field errors from a problem document, keyed by field, as the API wrote them (English). A form
 * a user reads takes useFieldErrors instead.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, e.message]));
}

/** fieldErrors in the user's language: each message stays at its field (422 and 400 alike). */
export function useFieldErrors() {
  const { t, i18n } = useTranslation('common');
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (error: unknown): Record<string, string> =>
    Object.fromEntries(
      Object.entries(fieldErrors(error)).map(([field, message]) => [
        field,
        fieldErrorText(message, t, language),
      ]),
    );
}

export function ProblemMessage({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" variant="light">
      {text(error)}
    </Alert>
  );
}
