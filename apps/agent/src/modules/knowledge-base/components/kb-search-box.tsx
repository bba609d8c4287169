import { useEffect, useState } from 'react';
import { Combobox, Group, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useKbTypeahead } from '@relaydesk/web-kb';

/**
 * The search box: titles that match what is typed so far appear under it (the type-ahead) and
 * open the article; Enter searches the whole text.
 */
export function KbSearchBox({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation('kb');
  const navigate = useNavigate();
  const [input, setInput] = useState(q);
  useEffect(() => setInput(q), [q]);
  const [typed] = useDebouncedValue(input.trim(), 150);
  const typeahead = useKbTypeahead({ q: typed, limit: 8 });
  const items = typed ? (typeahead.data?.items ?? []) : [];
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(id) => {
        combobox.closeDropdown();
        void navigate(`/kb/articles/${id}`);
      }}
    >
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          combobox.closeDropdown();
          onSearch(input.trim());
        }}
      >
        <Combobox.Target>
          <TextInput
            label={t('search')}
            placeholder={t('searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={input}
            onChange={(e) => {
              setInput(e.currentTarget.value);
              combobox.openDropdown();
              combobox.resetSelectedOption();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            data-testid="kb-search"
          />
        </Combobox.Target>
      </form>
      <Combobox.Dropdown hidden={items.length === 0} data-testid="kb-typeahead">
        <Combobox.Options>
          {items.map((item) => (
            <Combobox.Option value={item.id} key={item.id} data-testid="kb-typeahead-option">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm">{item.title}</Text>
                <Text size="xs" c="dimmed" tt="uppercase">
                  {item.language}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
