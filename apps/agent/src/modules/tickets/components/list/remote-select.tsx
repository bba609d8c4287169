import { useState } from 'react';
import { Loader, Select, Text, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

export interface RemoteOption {
  value: string;
  label: string;
  description?: string;
}

/**
 * Labels of ids picked before, so a selection keeps its name after the search moves on or the
 * select remounts. Filled from user choices only (event handlers), never during render.
 */
const labelCache = new Map<string, string>();

export interface RemoteSelectProps {
  label: string;
  placeholder?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Name for `value` when it came from a link (e.g. taken from the listed tickets). */
  knownLabel?: string;
  testId?: string;
  /** Calls the directory hook for the typed text; `enabled` is false until the list is needed. */
  useOptions: (
    q: string,
    enabled: boolean,
  ) => { options: RemoteOption[] | undefined; isFetching: boolean };
}

/** A searchable select whose options the server finds (directory lists can be large). */
export function RemoteSelect({
  label,
  placeholder,
  value,
  onChange,
  knownLabel,
  testId,
  useOptions,
}: RemoteSelectProps) {
  const { t } = useTranslation('ticketList');
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const selectedLabel = value ? (labelCache.get(value) ?? knownLabel) : undefined;
  // After a pick the input shows the picked name; that is not a search for it.
  const typed = search === selectedLabel ? '' : search;
  const [q] = useDebouncedValue(typed.trim(), 250);
  const { options, isFetching } = useOptions(q, opened || (!!value && !selectedLabel));

  const data: ComboboxItem[] = (options ?? []).map((o) => ({ value: o.value, label: o.label }));
  const descriptions = new Map((options ?? []).map((o) => [o.value, o.description]));
  const fromServer = value ? data.find((o) => o.value === value) : undefined;
  if (value && !fromServer) {
    data.unshift({ value, label: selectedLabel ?? t('filters.selected') });
  }

  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('filters.any')}
      data={data}
      value={value}
      onChange={(next, option) => {
        if (next && option) labelCache.set(next, option.label);
        onChange(next);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      clearable
      clearButtonProps={{ 'aria-label': t('filters.clearValue', { label }) }}
      nothingFoundMessage={isFetching ? t('filters.searching') : t('filters.nothingFound')}
      rightSection={isFetching && opened ? <Loader size="xs" /> : undefined}
      renderOption={({ option }) => {
        const description = descriptions.get(option.value);
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {description && (
              <Text size="xs" c="gray.7">
                {description}
              </Text>
            )}
          </div>
        );
      }}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
