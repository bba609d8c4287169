import { useState } from 'react';
import { Button, Combobox, Group, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useKbTypeahead } from '@relaydesk/web-kb';
import { useKbLanguageFilter } from '../kb-language';
import { useKbReader } from '../kb-reader';

/**
 * The search box: titles matching what is typed so far drop down under it (the type-ahead) and
 * open the article; Enter or the button opens the search page for the whole text.
 */
export function KbSearchBox({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation('kb');
  const navigate = useNavigate();
  const reader = useKbReader();
  const { language, query } = useKbLanguageFilter();
  const [input, setInput] = useState(initial);
  const [typed] = useDebouncedValue(input.trim(), 150);
  const typeahead = useKbTypeahead({ q: typed, language, limit: 8 }, reader);
  const items = typed ? (typeahead.data?.items ?? []) : [];
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const carry = query ? `&${query}` : '';

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
          if (input.trim())
            void navigate(`/kb/search?q=${encodeURIComponent(input.trim())}${carry}`);
        }}
      >
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Combobox.Target>
            <TextInput
              label={t('search.label')}
              placeholder={t('search.placeholder')}
              leftSection={<IconSearch size={18} aria-hidden />}
              size="md"
              style={{ flex: 1, minWidth: 0 }}
              value={input}
              onChange={(e) => {
                setInput(e.currentTarget.value);
                combobox.openDropdown();
                combobox.resetSelectedOption();
              }}
              onFocus={() => combobox.openDropdown()}
              onBlur={() => combobox.closeDropdown()}
              data-testid="kb-search-input"
            />
          </Combobox.Target>
          <Button type="submit" size="md" data-testid="kb-search-submit">
            {t('search.submit')}
          </Button>
        </Group>
      </form>
      <Combobox.Dropdown hidden={items.length === 0} data-testid="kb-typeahead">
        <Combobox.Options aria-label={t('search.suggestions')}>
          {items.map((item) => (
            <Combobox.Option
              value={item.id}
              key={item.id}
              mih={40}
              data-testid="kb-typeahead-option"
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {item.title}
                </Text>
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
