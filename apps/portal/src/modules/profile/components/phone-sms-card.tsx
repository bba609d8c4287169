import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { unwrap } from '@relaydesk/api-client';
import { useAuth } from '@relaydesk/web-auth';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';

/**
 * The client's phone number and their consent to SMS at it: SMS notifications (chosen in the
 * Notifications card) need both. Removing the number withdraws the consent.
 */
export function PhoneSmsCard({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation(['profile', 'common']);
  const { api, session } = useAuth();
  const [phone, setPhone] = useState('');
  const [smsOptIn, setSmsOptIn] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    unwrap(api.GET('/api/v1/me')).then(
      (me) => {
        setPhone(me.phone ?? '');
        setSmsOptIn(me.smsOptIn);
        setLoaded(true);
      },
      (e: unknown) => setError(e),
    );
  }, [api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const number = phone.trim() === '' ? null : phone.trim();
    try {
      const me = await unwrap(
        api.PATCH('/api/v1/me', { body: { phone: number, smsOptIn: number ? smsOptIn : false } }),
      );
      session.setUser(me);
      setPhone(me.phone ?? '');
      setSmsOptIn(me.smsOptIn);
      notifications.show({ color: 'green', message: t('saved') });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const errors = fieldErrors(error);

  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby="profile-phone">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={3} id="profile-phone">
            {t('phoneTitle')}
          </Title>
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
          {error != null && !errors.phone && !errors.smsOptIn && <ProblemMessage error={error} />}
          <Group>
            <Button
              type="submit"
              loading={busy}
              disabled={!loaded}
              data-testid="profile-phone-save"
            >
              {t('common:save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
