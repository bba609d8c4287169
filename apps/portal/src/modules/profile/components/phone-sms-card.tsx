import { useState } from 'react';
import { Checkbox, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '@relaydesk/web-ui';
import { ProfileCard, useOwnProfile } from './profile-card';

/**
 * The client's phone number and their consent to SMS at it: SMS notifications (chosen in the
 * Notifications card) need both. Removing the number withdraws the consent.
 */
export function PhoneSmsCard({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation(['profile', 'common']);
  const fieldErrorsOf = useFieldErrors();
  const [phone, setPhone] = useState('');
  const [smsOptIn, setSmsOptIn] = useState(false);
  const { loaded, busy, error, save } = useOwnProfile((me) => {
    setPhone(me.phone ?? '');
    setSmsOptIn(me.smsOptIn);
  });

  const submit = async () => {
    const number = phone.trim() === '' ? null : phone.trim();
    const me = await save({ phone: number, smsOptIn: number ? smsOptIn : false });
    if (!me) return;
    setPhone(me.phone ?? '');
    setSmsOptIn(me.smsOptIn);
    notifications.show({ color: 'green', message: t('saved') });
    onSaved();
  };
  const errors = fieldErrorsOf(error);

  return (
    <ProfileCard
      id="profile-phone"
      title={t('phoneTitle')}
      onSubmit={() => void submit()}
      loaded={loaded}
      busy={busy}
      error={error}
      errorAtField={!!(errors.phone || errors.smsOptIn)}
      saveTestId="profile-phone-save"
    >
      <TextInput
        label={t('phone')}
        type="tel"
        autoComplete="tel"
        value={phone}
        disabled={!loaded}
        onChange={(e) => setPhone(e.currentTarget.value)}
        error={errors.phone}
        data-testid="profile-phone"
      />
      <Checkbox
        label={t('smsOptIn')}
        description={t('smsOptInHint')}
        checked={smsOptIn && phone.trim() !== ''}
        disabled={!loaded || phone.trim() === ''}
        onChange={(e) => setSmsOptIn(e.currentTarget.checked)}
        error={errors.smsOptIn}
        data-testid="profile-sms-opt-in"
      />
    </ProfileCard>
  );
}
