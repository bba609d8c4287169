import { useState } from 'react';
import { Group, Loader, Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** Select props a picker passes through (label, error, disabled, size, data-testid…). */
export type PickerSelectProps = Omit<
  SelectProps,
  | 'data'
  | 'value'
  | 'defaultValue'
  | 'onChange'
  | 'searchable'
  | 'searchValue'
  | 'onSearchChange'
  | 'filter'
  | 'renderOption'
>;

export interface PickerOption {
  value: string;
  label: string;
  /** A second, dimmed line (e-mail, role…). */
  hint?: string;
}

/**
 * Search state of a server-searched select. The query only starts once the dropdown was
 * opened, and the selected item's own label (which the select puts into its search box) is
 * not a query: opening the dropdown of a filled picker lists everything again.
 */
export function usePickerState(value: string | null, selectedName?: string | null) {
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [debounced] = useDebouncedValue(search, 250);
  const currentLabel = value ? (labels[value] ?? selectedName ?? undefined) : undefined;
  const text = debounced.trim();
  const q = text && debounced !== currentLabel ? text.slice(0, 200) : undefined;
  return {
    search,
    setSearch,
    opened,
    open: () => setOpened(true),
    q,
    currentLabel,
    remember: (id: string, label: string) => setLabels((l) => ({ ...l, [id]: label })),
  };
}

export type PickerState = ReturnType<typeof usePickerState>;

interface RemoteSelectProps<T> extends PickerSelectProps {
  state: PickerState;
  value: string | null;
  onChange: (id: string | null, item: T | null) => void;
  items: T[] | undefined;
  loading: boolean;
  toOption: (item: T) => PickerOption;
}

/** A searchable Select whose options come from the API; see the pickers built on it. */
export function RemoteSelect<T>({
  state,
  value,
  onChange,
  items,
  loading,
  toOption,
  ...rest
}: RemoteSelectProps<T>) {
  const { t } = useTranslation('ticketDetail');
  const options = (items ?? []).map(toOption);
  const hints = new Map(options.map((o) => [o.value, o.hint]));
  // The current value must stay among the options, or the select would show it empty.
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: state.currentLabel ?? t('pickers.unknown') });
  }
  return (
    <Select
      {...rest}
      searchable
      clearable={rest.clearable ?? true}
      data={options.map(({ value: v, label }) => ({ value: v, label }))}
      value={value}
      searchValue={state.search}
      onSearchChange={state.setSearch}
      onDropdownOpen={() => {
        state.open();
        rest.onDropdownOpen?.();
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={loading ? t('pickers.loading') : t('pickers.nothingFound')}
      rightSection={loading && state.opened ? <Loader size={14} /> : rest.rightSection}
      renderOption={({ option }) => {
        const hint = hints.get(option.value);
        return hint ? (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          </Stack>
        ) : (
          <Group gap="xs">
            <Text size="sm">{option.label}</Text>
          </Group>
        );
      }}
      onChange={(id, option) => {
        if (!id || !option) {
          onChange(null, null);
          return;
        }
        state.remember(id, option.label);
        const item = (items ?? []).find((i) => toOption(i).value === id) ?? null;
        onChange(id, item);
      }}
    />
  );
}
