import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@relaydesk/contracts';
import { unwrap } from '@relaydesk/api-client';
import { useAuth } from '@relaydesk/web-auth';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';

/** Each language by its own name, as language pickers do. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', cs: 'Čeština' };

/**
 * The client's name and language. The language is the account's: mails come in it too, unlike
 * the header's picker, which only switches this browser. Saving switches the portal to it.
 */
export function ProfileDetailsCard() {
  const { t, i18n } = useTranslation(['profile', 'common']);
  const { api, session, user } = useAuth();
  const [name, setName] = useState(user?.name ?? '');
  const [locale, setLocale] = useState<Locale>((user?.locale as Locale | undefined) ?? 'en');
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [nameMissing, setNameMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    unwrap(api.GET('/api/v1/me')).then(
      (me) => {
        setName(me.name);
        setLocale(me.locale);
        setLoaded(true);
      },
      (e: unknown) => setError(e),
    );
  }, [api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = name.trim() === '';
    setNameMissing(missing);
    if (missing) return;
    setBusy(true);
    setError(null);
    try {
      const me = await unwrap(api.PATCH('/api/v1/me', { body: { name: name.trim(), locale } }));
      session.setUser(me);
      setName(me.name);
      if (me.locale !== i18n.language) await i18n.changeLanguage(me.locale);
      // Said in the language just chosen.
      const tNew = i18n.getFixedT(me.locale, ['profile', 'common']);
      notifications.show({ color: 'green', message: tNew('saved') });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const errors = fieldErrors(error);

  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby="profile-details">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={3} id="profile-details">
            {t('detailsTitle')}
          </Title>
          <div>
            <Text size="xs" c="dimmed">
              {t('email')}
            </Text>
            <Text size="sm" data-testid="profile-email">
              {user?.email}
            </Text>
          </div>
          <TextInput
            label={t('name')}
            withAsterisk
            autoComplete="name"
            maxLength={200}
            value={name}
            disabled={!loaded}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameMissing ? t('nameMissing') : errors.name}
            data-testid="profile-name"
          />
          <NativeSelect
            label={t('language')}
            description={t('languageHint')}
            data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={locale}
            disabled={!loaded}
            onChange={(e) => setLocale(e.currentTarget.value as Locale)}
            error={errors.locale}
            data-testid="profile-language"
          />
          {error != null && !errors.name && !errors.locale && <ProblemMessage error={error} />}
          <Group>
            <Button type="submit" loading={busy} disabled={!loaded} data-testid="profile-save">
              {t('common:save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
