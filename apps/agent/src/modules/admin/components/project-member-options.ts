import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useUsers, useUsersById } from '../../directory/hooks';
import { useStaffOptions } from './staff-options';

/** Client contacts offered per search: there may be thousands, so the picker asks by name. */
const CLIENT_LIMIT = 20;

/**
 * A project's member choices: every staff user (they see the project's tickets) and client
 * contacts found by name (Pythagoras' customers, who file against the project). The chosen
 * contacts stay among the options, so a new search does not drop their pills.
 */
export function useProjectMemberOptions(chosen: readonly string[]) {
  const { t } = useTranslation('admin');
  const staffOptions = useStaffOptions(chosen);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const found = useUsers({
    role: 'client',
    active: true,
    limit: CLIENT_LIMIT,
    ...(query ? { q: query } : {}),
  });
  const staffIds = new Set(staffOptions.map((o) => o.value));
  const chosenContacts = useUsersById(chosen.filter((id) => !staffIds.has(id)));
  const contacts = new Map<string, string>();
  for (const q of chosenContacts) if (q.data) contacts.set(q.data.id, q.data.name);
  for (const u of found.data?.items ?? []) contacts.set(u.id, u.name);
  const contactOptions = [...contacts].map(([value, name]) => ({
    value,
    label: t('fields.projectCustomer', { name }),
  }));
  return { options: [...staffOptions, ...contactOptions], onSearchChange: setSearch };
}
