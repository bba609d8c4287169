import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../../../directory/hooks';
import type { Organization } from '../../../directory/api';
import { RemoteSelect, usePickerState, type PickerSelectProps } from './remote-select';

export interface OrganizationPickerProps extends PickerSelectProps {
  value: string | null;
  onChange: (organizationId: string | null, organization: Organization | null) => void;
  /** The current value's name when the caller already knows it. */
  selectedName?: string | null;
}

/** Searchable select of active client organizations. */
export function OrganizationPicker({
  value,
  onChange,
  selectedName,
  ...rest
}: OrganizationPickerProps) {
  const { t } = useTranslation('ticketDetail');
  const state = usePickerState(value, selectedName);
  const organizations = useOrganizations({ q: state.q, active: true, limit: 50 }, state.opened);
  return (
    <RemoteSelect<Organization>
      placeholder={t('pickers.searchOrganization')}
      {...rest}
      state={state}
      value={value}
      onChange={onChange}
      items={organizations.data?.items}
      loading={organizations.isFetching}
      toOption={(o) => ({ value: o.id, label: o.name, hint: o.taxId ?? undefined })}
    />
  );
}
