import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';
import { useErrorText } from '@relaydesk/web-ui';

/**
 * The sentence for a section write's failure in the user's language: the section's own cases
 * (not empty, a move below itself, an unknown organization) by what the problem says, anything
 * else as every other form says it.
 */
export function useSectionErrorText() {
  const { t } = useTranslation('kbAdmin');
  const text = useErrorText();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const p = error.problem;
      if (p.status === 409 && typeof p.subsections === 'number') {
        return t('errors.notEmpty', {
          subsections: p.subsections,
          articles: typeof p.articles === 'number' ? p.articles : 0,
        });
      }
      const field = p.errors?.[0]?.field;
      if (p.status === 422 && field === 'parentId') return t('errors.parent');
      if (p.status === 422 && field === 'organizationIds') return t('errors.organizations');
      if (p.status === 422 && field === 'sections') return t('errors.siblings');
    }
    return text(error);
  };
}
