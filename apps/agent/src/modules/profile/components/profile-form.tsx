import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@relaydesk/contracts';
import { useAuth } from '@relaydesk/web-auth';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import type { Schemas } from '@relaydesk/api-client';
import { useUpdateMe } from '../../directory/hooks';

/** Each language by its own name, as language pickers do. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', cs: 'Čeština' };

type Me = Schemas['MeDto'];

/**
 * Name, phone (and the consent to SMS at it) and language. Saving the language also switches the workspace to it and updates
 * the signed-in user, so the header shows the new name at once.
 */
export function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation(['profile', 'common']);
  const { session } = useAuth();
  const save = useUpdateMe();
  const [name, setName] = useState(me.name);
  const [phone, setPhone] = useState(me.phone ?? '');
  const [smsOptIn, setSmsOptIn] = useState(me.smsOptIn);
  const [locale, setLocale] = useState<Locale>(me.locale);
  const [nameMissing, setNameMissing] = useState(false);
  const errors = fieldErrors(save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = name.trim() === '';
    setNameMissing(missing);
    if (missing) return;
    save.mutate(
      {
        name: name.trim(),
        phone: phone.trim() === '' ? null : phone.trim(),
        // Without a number there is nothing to agree to (the API withdraws it too).
        smsOptIn: phone.trim() === '' ? false : smsOptIn,
        locale,
      },
      {
        onSuccess: (updated) => {
          session.setUser(updated);
          if (updated.locale !== i18n.language) void i18n.changeLanguage(updated.locale);
          // In the language just chosen.
          const tNew = i18n.getFixedT(updated.locale, ['profile', 'common']);
          notifications.show({
            color: 'green',
            message: tNew('saved'),
            closeButtonProps: { 'aria-label': tNew('common:close') },
          });
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby="profile-details">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} id="profile-details">
            {t('details')}
          </Title>
          <Group gap="xl">
            <div>
              <Text size="xs" c="dimmed">
                {t('email')}
              </Text>
              <Text size="sm" data-testid="profile-email">
                {me.email}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('role')}
              </Text>
              <Text size="sm">{t(`common:role.${me.role}`)}</Text>
            </div>
          </Group>
          <TextInput
            label={t('name')}
            withAsterisk
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameMissing ? t('required') : errors.name}
            data-testid="profile-name"
          />
          <TextInput
            label={t('phone')}
            type="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={errors.phone}
            data-testid="profile-phone"
          />
          <Checkbox
            label={t('smsOptIn')}
            description={t('smsOptInHint')}
            checked={smsOptIn && phone.trim() !== ''}
            disabled={phone.trim() === ''}
            onChange={(e) => setSmsOptIn(e.currentTarget.checked)}
            error={errors.smsOptIn}
            data-testid="profile-sms-opt-in"
          />
          <NativeSelect
            label={t('language')}
            description={t('languageHint')}
            data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={locale}
            onChange={(e) => setLocale(e.currentTarget.value as Locale)}
            error={errors.locale}
            data-testid="profile-language"
          />
          {save.isError && <ProblemMessage error={save.error} />}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="profile-save">
              {t('common:save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
