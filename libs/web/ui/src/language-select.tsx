import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'ru', label: 'Русский' },
  { value: 'cs', label: 'Čeština' },
];

/** A native select: light, keyboard- and screen-reader-friendly, and native on phones. */
export function LanguageSelect({ onChange }: { onChange?: (locale: string) => void }) {
  const { t, i18n } = useTranslation('common');
  return (
    <NativeSelect
      aria-label={t('language')}
      data={LANGUAGES}
      value={i18n.language}
      size="xs"
      w={120}
      data-testid="language-select"
      onChange={(e) => {
        const value = e.currentTarget.value;
        void i18n.changeLanguage(value);
        onChange?.(value);
      }}
    />
  );
}
