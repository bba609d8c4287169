import {
  ActionIcon,
  Button,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NamesValue } from '../../../shared/forms/names-inputs';

export interface OptionValue {
  uid: string;
  value: string;
  name: NamesValue;
}

let counter = 0;
export const newOption = (value = '', name?: NamesValue): OptionValue => ({
  uid: `o${++counter}`,
  value,
  name: name ?? { en: '', ru: '', cs: '' },
});

interface OptionsEditorProps {
  options: OptionValue[];
  onChange: (options: OptionValue[]) => void;
  errors: Record<string, string>;
}

const LANGS = ['en', 'ru', 'cs'] as const;

/** The choices of a select field: the stored value and its name in each language. */
export function OptionsEditor({ options, onChange, errors }: OptionsEditorProps) {
  const { t } = useTranslation('ticketTypes');
  const set = (uid: string, patch: Partial<OptionValue>) =>
    onChange(options.map((o) => (o.uid === uid ? { ...o, ...patch } : o)));
  return (
    <Stack gap={4} data-testid="field-options">
      <Text size="sm" fw={500}>
        {t('options.title')}
      </Text>
      {errors.options && (
        <Text size="xs" c="red.8">
          {errors.options}
        </Text>
      )}
      <Table verticalSpacing={2} horizontalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('options.value')}</Table.Th>
            <Table.Th>{t('options.name_en')}</Table.Th>
            <Table.Th>{t('options.name_ru')}</Table.Th>
            <Table.Th>{t('options.name_cs')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('options.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {options.map((o, i) => {
            const row = o.name.en || o.value || String(i + 1);
            return (
              <Table.Tr key={o.uid}>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('options.valueOf', { n: i + 1 })}
                    value={o.value}
                    onChange={(e) => set(o.uid, { value: e.currentTarget.value })}
                    error={errors[`options.${i}.value`]}
                    data-testid={`option-value-${i}`}
                  />
                </Table.Td>
                {LANGS.map((lang) => (
                  <Table.Td key={lang}>
                    <TextInput
                      size="xs"
                      aria-label={t(`options.nameOf_${lang}`, { n: i + 1 })}
                      value={o.name[lang]}
                      onChange={(e) =>
                        set(o.uid, { name: { ...o.name, [lang]: e.currentTarget.value } })
                      }
                      error={errors[`options.${i}.name.${lang}`]}
                      data-testid={`option-name-${lang}-${i}`}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('options.remove', { name: row })}
                    title={t('options.remove', { name: row })}
                    onClick={() => onChange(options.filter((x) => x.uid !== o.uid))}
                  >
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          size="xs"
          variant="default"
          onClick={() => onChange([...options, newOption()])}
          data-testid="option-add"
        >
          {t('options.add')}
        </Button>
      </Group>
    </Stack>
  );
}
