import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface NamesValue {
  en: string;
  ru: string;
  cs: string;
}

/** The languages a translated name is entered in, English (required) first. */
export const NAME_LANGS = ['en', 'ru', 'cs'] as const;

export const emptyNames = (): NamesValue => ({ en: '', ru: '', cs: '' });

/** A name from the API (`ru`, `cs` optional) as three inputs' values. */
export const namesOf = (n?: { en: string; ru?: string; cs?: string } | null): NamesValue => ({
  en: n?.en ?? '',
  ru: n?.ru ?? '',
  cs: n?.cs ?? '',
});

/** What the API takes: English required, empty translations left out (they fall back to it). */
export const namesBody = (n: NamesValue) => ({
  en: n.en.trim(),
  ...(n.ru.trim() ? { ru: n.ru.trim() } : {}),
  ...(n.cs.trim() ? { cs: n.cs.trim() } : {}),
});

interface NamesInputsProps {
  value: NamesValue;
  onChange: (value: NamesValue) => void;
  /** Errors by field path (`name.en`), as the API reports them. */
  errors: Record<string, string>;
  /** The path of the name in the request (`name`, `options.2.name`). */
  path?: string;
  testId?: string;
  /** Labels of the three inputs; defaults to "Name (English)" etc. */
  label?: (lang: (typeof NAME_LANGS)[number]) => string;
}

/** A translated name: English (required), Russian and Czech. */
export function NamesInputs({
  value,
  onChange,
  errors,
  path = 'name',
  testId,
  label,
}: NamesInputsProps) {
  const { t } = useTranslation('admin');
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
      {NAME_LANGS.map((lang) => (
        <TextInput
          key={lang}
          label={label ? label(lang) : t(`fields.name_${lang}`)}
          withAsterisk={lang === 'en'}
          value={value[lang]}
          onChange={(e) => onChange({ ...value, [lang]: e.currentTarget.value })}
          error={errors[`${path}.${lang}`] ?? (lang === 'en' ? errors[path] : undefined)}
          data-testid={testId ? `${testId}-${lang}` : undefined}
        />
      ))}
    </SimpleGrid>
  );
}
