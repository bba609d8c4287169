import { useTranslation } from 'react-i18next';

/** A clearable select whose clear button says what it clears. */
export function useClearable() {
  const { t } = useTranslation('admin');
  return (label: string) => ({
    clearable: true,
    clearButtonProps: { 'aria-label': t('fields.clear', { label }) },
  });
}
