import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The spinner of a page or app still loading, named in the user's language for screen readers.
 * It may show before the strings have arrived (it is what shows while they load), so it never
 * waits for them: until then it says nothing rather than a raw key.
 */
export function PageLoader({ fullHeight = false }: { fullHeight?: boolean }) {
  const { t, ready } = useTranslation('common', { useSuspense: false });
  return (
    <Center h={fullHeight ? '100vh' : undefined} p={fullHeight ? undefined : 'xl'}>
      <Loader role="status" aria-label={ready ? t('loading') : undefined} />
    </Center>
  );
}
