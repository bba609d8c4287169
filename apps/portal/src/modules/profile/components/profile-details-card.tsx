import { useState } from 'react';
import { NativeSelect, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@relaydesk/contracts';
import { useAuth } from '@relaydesk/web-auth';
import { useFieldErrors } from '@relaydesk/web-ui';
import { ProfileCard, useOwnProfile } from './profile-card';

/** Each language by its own name, as language pickers do. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', cs: 'Čeština' };

/**
 * The client's name and language. The language is the account's: mails come in it too, unlike
 * the header's picker, which only switches this browser. Saving switches the portal to it.
 */
export function ProfileDetailsCard() {
  const { t, i18n } = useTranslation(['profile', 'common']);
  const fieldErrorsOf = useFieldErrors();
  const { user } = useAuth();
  const [name, setName] = useState(user?.name ?? '');
  const [locale, setLocale] = useState<Locale>((user?.locale as Locale | undefined) ?? 'en');
  const [nameMissing, setNameMissing] = useState(false);
  const { loaded, busy, error, save } = useOwnProfile((me) => {
    setName(me.name);
    setLocale(me.locale);
  });

  const submit = async () => {
    const missing = name.trim() === '';
    setNameMissing(missing);
    if (missing) return;
    const me = await save({ name: name.trim(), locale });
    if (!me) return;
    setName(me.name);
    if (me.locale !== i18n.language) await i18n.changeLanguage(me.locale);
    // Said in the language just chosen.
    const tNew = i18n.getFixedT(me.locale, ['profile', 'common']);
    notifications.show({ color: 'green', message: tNew('saved') });
  };
  const errors = fieldErrorsOf(error);

  return (
    <ProfileCard
      id="profile-details"
      title={t('detailsTitle')}
      onSubmit={() => void submit()}
      loaded={loaded}
      busy={busy}
      error={error}
      errorAtField={!!(errors.name || errors.locale)}
      saveTestId="profile-save"
    >
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
    </ProfileCard>
  );
}
