import { Button, Center, Loader, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useUser } from '@relaydesk/web-auth';
import {
  EmailChangeCard,
  NotificationPreferencesCard,
  PasswordChangeCard,
  SessionsCard,
} from '@relaydesk/web-auth/account';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { preloadStrings } from '../../../lazy-strings';
import { useMe } from '../../directory/hooks';
import { CalendarFeedCard } from '../components/calendar-feed-card';
import { DeputiesCard } from '../components/deputies-card';
import { OutOfOfficeCard } from '../components/out-of-office-card';
import { ProfileForm } from '../components/profile-form';

preloadStrings(['profile', 'profileAway']);

/** The signed-in user's own details, language, password and sessions. */
export default function ProfilePage() {
  const { t } = useTranslation(['profile', 'common']);
  useDocumentTitle(`${t('title')} · ${t('common:appName')}`);
  const me = useMe();
  const user = useUser();
  const staff = user.role !== 'client';

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
        <>
          <ProfileForm me={me.data} />
          {staff && <OutOfOfficeCard key={me.data.version} me={me.data} />}
        </>
      )}
      {roleHasPermission(user.role, Permission.DeputiesOwn) && <DeputiesCard />}
      {/* Read again when the phone or the SMS consent changes: SMS cells depend on them. */}
      <NotificationPreferencesCard key={me.data ? `${me.data.phone}|${me.data.smsOptIn}` : ''} />
      <CalendarFeedCard />
      <EmailChangeCard />
      <PasswordChangeCard />
      <SessionsCard />
    </Stack>
  );
}
