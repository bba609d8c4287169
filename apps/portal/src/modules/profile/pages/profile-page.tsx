import { useState } from 'react';
import { Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import {
  EmailChangeCard,
  NotificationPreferencesCard,
  PasswordChangeCard,
  SessionsCard,
} from '@relaydesk/web-auth/account';
import { PhoneSmsCard } from '../components/phone-sms-card';
import { ProfileDetailsCard } from '../components/profile-details-card';

/**
 * The client's own account: name and language, phone and SMS consent, which notifications come
 * how, e-mail address, password, and signing out everywhere.
 */
export default function ProfilePage() {
  const { t } = useTranslation(['layout', 'common']);
  useDocumentTitle(`${t('layout:profile')} · ${t('common:appName')}`);
  // The SMS cells of the Notifications card depend on the phone and the consent: read it again.
  const [phoneVersion, setPhoneVersion] = useState(0);
  return (
    <Stack gap="lg">
      <Title order={2}>{t('layout:profile')}</Title>
      <ProfileDetailsCard />
      <PhoneSmsCard onSaved={() => setPhoneVersion((v) => v + 1)} />
      <NotificationPreferencesCard key={phoneVersion} />
      <EmailChangeCard />
      <PasswordChangeCard />
      <SessionsCard />
    </Stack>
  );
}
