import { Button, Center, Loader, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useMe } from '../../directory/hooks';
import { PasswordForm } from '../components/password-form';
import { ProfileForm } from '../components/profile-form';

/** The signed-in user's own details, language and password. */
export default function ProfilePage() {
  const { t } = useTranslation(['profile', 'common']);
  useDocumentTitle(`${t('title')} · ${t('common:appName')}`);
  const me = useMe();

  return (
    <Stack gap="lg">
      <Title order={2}>{t('title')}</Title>
      {me.isPending ? (
        <Center p="xl">
          <Loader role="status" aria-label={t('common:loading')} />
        </Center>
      ) : me.isError ? (
        <Stack align="flex-start">
          <ProblemMessage error={me.error} />
          <Button variant="default" onClick={() => void me.refetch()}>
            {t('common:reload')}
          </Button>
        </Stack>
      ) : (
        <ProfileForm me={me.data} />
      )}
      <PasswordForm />
    </Stack>
  );
}
