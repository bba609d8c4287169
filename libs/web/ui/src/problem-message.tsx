import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';

/** A 409 saying the `version` a write carried is stale (not, say, a duplicate on a field). */
export function isVersionConflict(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    typeof error.problem.currentVersion === 'number'
  );
}

/** A readable sentence for any error: never raw JSON. */
export function useErrorText() {
  const { t } = useTranslation('common');
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const p = error.problem;
      if (p.status === 404) return t('errors.notFound');
      if (p.status === 403) return t('errors.forbidden');
      if (p.status === 409 && typeof p.currentVersion === 'number') return t('errors.conflict');
      if (p.status === 413) return t('errors.tooLarge');
      return p.detail ?? p.title ?? t('errors.generic');
    }
    if (error instanceof TypeError) return t('errors.network');
    return t('errors.generic');
  };
}

/** Field errors from a problem document, keyed by field, for form inputs. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, e.message]));
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
