import { useTranslation } from 'react-i18next';
import { useUsers } from '../../../directory/hooks';
import type { User } from '../../../directory/api';
import { RemoteSelect, usePickerState, type PickerSelectProps } from './remote-select';

const LIMIT = 30;

export interface UserPickerProps extends PickerSelectProps {
  /** The selected user's id. */
  value: string | null;
  /** The new id, with the user as the API returned it (null when cleared). */
  onChange: (userId: string | null, user: User | null) => void;
  /**
   * Who can be picked: staff (agents, dispatchers, admins), client contacts, or anyone.
   * Inactive users are never offered.
   */
  scope?: 'staff' | 'contacts' | 'any';
  /** Only contacts of this organization (with scope `contacts` or `any`). */
  organizationId?: string | null;
  /** Only members of this group (with scope `staff`). */
  groupId?: string | null;
  /** The current value's name when the caller already knows it (e.g. from a ticket's refs). */
  selectedName?: string | null;
}

/** Searchable user select; searches name and e-mail on the server. */
export function UserPicker({
  value,
  onChange,
  scope = 'any',
  organizationId,
  groupId,
  selectedName,
  ...rest
}: UserPickerProps) {
  const { t } = useTranslation('ticketDetail');
  const state = usePickerState(value, selectedName);
  const staff = scope === 'staff';
  const base = {
    q: state.q,
    active: true,
    limit: LIMIT,
    ...(staff && groupId ? { groupId } : {}),
    ...(!staff && organizationId ? { organizationId } : {}),
  };
  // GET /users filters by one role at a time, so staff is three small queries.
  const first = useUsers(
    {
      ...base,
      ...(staff ? { role: 'agent' as const } : {}),
      ...(scope === 'contacts' ? { role: 'client' as const } : {}),
    },
    state.opened,
  );
  const dispatchers = useUsers({ ...base, role: 'dispatcher' }, state.opened && staff);
  const admins = useUsers({ ...base, role: 'admin' }, state.opened && staff);
  const items = [
    ...(first.data?.items ?? []),
    ...(staff ? (dispatchers.data?.items ?? []) : []),
    ...(staff ? (admins.data?.items ?? []) : []),
  ].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <RemoteSelect<User>
      placeholder={t('pickers.searchUser')}
      {...rest}
      state={state}
      value={value}
      onChange={onChange}
      items={first.data || dispatchers.data || admins.data ? items : undefined}
      loading={first.isFetching || dispatchers.isFetching || admins.isFetching}
      toOption={(u) => ({
        value: u.id,
        label: u.name,
        hint: u.role === 'client' ? u.email : `${t(`common:role.${u.role}`)} · ${u.email}`,
      })}
    />
  );
}
