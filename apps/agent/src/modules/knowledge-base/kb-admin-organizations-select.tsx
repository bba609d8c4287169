import { useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useOrganizations, useOrganizationsById } from '../directory/hooks';

interface Props {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

/**
 * The organizations a clients section is for: the first ones come with the form, typing asks
 * the server (there can be many customers); the chosen ones keep their names whatever is listed.
 */
export function KbAdminOrganizationsSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation('kbAdmin');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const first = useOrganizations({ limit: 200 });
  const found = useOrganizations({ q, limit: 50 }, q.length > 0);
  const chosen = useOrganizationsById(value);

  const names = new Map<string, string>();
  for (const c of chosen) if (c.data) names.set(c.data.id, c.data.name);
  for (const org of [...(first.data?.items ?? []), ...(found.data?.items ?? [])]) {
    names.set(org.id, org.name);
  }
  // A chosen one whose name has not come yet still shows (as its id) rather than vanishing.
  for (const id of value) if (!names.has(id)) names.set(id, id);

  return (
    <MultiSelect
      label={t('form.organizations')}
      description={t('form.organizationsHint')}
      placeholder={value.length === 0 ? t('form.organizationsAll') : undefined}
      data={[...names].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      clearable
      nothingFoundMessage={t('form.nothingFound')}
      error={error}
      data-testid="kb-section-organizations"
    />
  );
}
