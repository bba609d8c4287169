import { useTranslation } from 'react-i18next';
import { useGroups } from '../../../directory/hooks';
import type { Group } from '../../../directory/api';
import { RemoteSelect, usePickerState, type PickerSelectProps } from './remote-select';

export interface GroupPickerProps extends PickerSelectProps {
  value: string | null;
  onChange: (groupId: string | null, group: Group | null) => void;
  /** The current value's name when the caller already knows it. */
  selectedName?: string | null;
}

/** Searchable select of active groups. */
export function GroupPicker({ value, onChange, selectedName, ...rest }: GroupPickerProps) {
  const { t } = useTranslation('ticketDetail');
  const state = usePickerState(value, selectedName);
  const groups = useGroups({ q: state.q, active: true, limit: 50 }, state.opened);
  return (
    <RemoteSelect<Group>
      placeholder={t('pickers.searchGroup')}
      {...rest}
      state={state}
      value={value}
      onChange={onChange}
      items={groups.data?.items}
      loading={groups.isFetching}
      toOption={(g) => ({ value: g.id, label: g.name })}
    />
  );
}
