import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that screen readers announce (a bare Loader has no role for its label). */
export function Loading({ size = 'md' }: { size?: 'sm' | 'md' }) {
  const { t } = useTranslation('common');
  return (
    <Center p={size === 'sm' ? 'md' : 'xl'}>
      <Loader size={size} role="status" aria-label={t('loading')} />
    </Center>
  );
}
