import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../../directory/hooks';
import { useClearable } from '../../../shared/forms/clearable';

interface OrganizationSelectProps {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}

/**
 * The client's organization: the first ones come with the form, typing asks the server (there
 * can be many customers).
 */
export function OrganizationSelect({ value, onChange, error }: OrganizationSelectProps) {
  const { t } = useTranslation('admin');
  const clearable = useClearable();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const first = useOrganizations({ limit: 200 });
  const found = useOrganizations({ q, limit: 50, active: true }, q.length > 0);

  const byId = new Map<string, string>();
  for (const org of [...(first.data?.items ?? []), ...(found.data?.items ?? [])]) {
    if (org.active || org.id === value) byId.set(org.id, org.name);
  }
  const data = [...byId].map(([id, name]) => ({ value: id, label: name }));

  return (
    <Select
      label={t('fields.organization')}
      withAsterisk
      placeholder={t('fields.organizationPlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      {...clearable(t('fields.organization'))}
      nothingFoundMessage={t('list.nothingFound')}
      error={error}
      data-testid="admin-user-organization"
    />
  );
}
