import { useState } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PhoneSmsCard } from '../components/phone-sms-card';
import { useUser } from '@relaydesk/web-auth';
import {
  EmailChangeCard,
  NotificationPreferencesCard,
  SessionsCard,
} from '@relaydesk/web-auth/account';

/** The client's own account: who is signed in, and signing out everywhere. */
export default function ProfilePage() {
  const { t } = useTranslation(['layout', 'common']);
  useDocumentTitle(`${t('layout:profile')} · ${t('common:appName')}`);
  const user = useUser();
  // The SMS cells of the Notifications card depend on the phone and the consent: read it again.
  const [phoneVersion, setPhoneVersion] = useState(0);
  return (
    <Stack gap="lg">
      <Title order={2}>{t('layout:profile')}</Title>
      <Paper withBorder p="lg" maw={560}>
        <Text fw={500}>{user.name}</Text>
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
      </Paper>
      <PhoneSmsCard onSaved={() => setPhoneVersion((v) => v + 1)} />
      <NotificationPreferencesCard key={phoneVersion} />
      <EmailChangeCard />
      <SessionsCard />
    </Stack>
  );
}
