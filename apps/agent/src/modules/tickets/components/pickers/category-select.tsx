import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTranslatedName } from '@relaydesk/web-ui';
import { useCategories } from '../../hooks';
import type { Category } from '../../api';

export interface CategorySelectProps extends Omit<
  SelectProps,
  'data' | 'value' | 'defaultValue' | 'onChange'
> {
  value: string | null;
  onChange: (categoryId: string | null) => void;
}

/** "Parent › Child" labels of a two-level list that comes parent first, then its children. */
export function categoryOptions(
  categories: Category[],
  name: (n: Category['name']) => string,
  keep: (c: Category) => boolean,
) {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return categories.filter(keep).map((c) => {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    return { value: c.id, label: parent ? `${name(parent.name)} › ${name(c.name)}` : name(c.name) };
  });
}

/** Active categories of both levels, searchable; the current value stays even if retired. */
export function CategorySelect({ value, onChange, ...rest }: CategorySelectProps) {
  const { t } = useTranslation('ticketWork');
  const name = useTranslatedName();
  const categories = useCategories();
  const data = categoryOptions(categories.data ?? [], name, (c) => c.active || c.id === value);
  return (
    <Select
      placeholder={t('fields.noCategory')}
      {...rest}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('clear', { label: rest.label ?? '' }) }}
      nothingFoundMessage={categories.isLoading ? '…' : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
