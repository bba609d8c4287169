import type { RefPickerProps, ResolveRefName } from '@relaydesk/web-ui/custom-fields';
import type { CustomFieldValues } from '@relaydesk/contracts';
import { useOrganizationsById, useUsersById } from '../../../directory/hooks';
import type { TicketType } from '../../api';
import { OrganizationPicker, UserPicker } from '../pickers';

type Field = TicketType['fields'][number];

/**
 * The agent's directory pickers for user and organization fields, and the names of the ids
 * the values hold (fetched one by one and cached: a ticket has a handful at most).
 */
export function useCustomFieldPickers(fields: Field[], values: CustomFieldValues) {
  const ids = (kind: Field['kind']) =>
    fields
      .filter((f) => f.kind === kind && typeof values[f.key] === 'string')
      .map((f) => values[f.key] as string);
  const users = useUsersById(ids('user'));
  const organizations = useOrganizationsById(ids('organization'));
  const names = new Map<string, string>();
  for (const q of [...users, ...organizations]) if (q.data) names.set(q.data.id, q.data.name);

  const resolveName: ResolveRefName = (_kind, id) => names.get(id);
  const renderUserPicker = ({ onChange, value, ...props }: RefPickerProps) => (
    <UserPicker
      {...props}
      scope="any"
      value={value}
      selectedName={value ? names.get(value) : undefined}
      onChange={(id) => onChange(id)}
    />
  );
  const renderOrganizationPicker = ({ onChange, value, ...props }: RefPickerProps) => (
    <OrganizationPicker
      {...props}
      value={value}
      selectedName={value ? names.get(value) : undefined}
      onChange={(id) => onChange(id)}
    />
  );
  return { resolveName, renderUserPicker, renderOrganizationPicker };
}
