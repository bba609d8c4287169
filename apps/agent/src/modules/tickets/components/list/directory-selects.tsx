import { useMemo } from 'react';
import { useDepartments, useGroups, useOrganizations, useUsers } from '../../../directory/hooks';
import { RemoteSelect, type RemoteOption, type RemoteSelectProps } from './remote-select';

type Props = Omit<RemoteSelectProps, 'useOptions'>;

const LIMIT = 30;

function useUserOptions(q: string, enabled: boolean, staffOnly: boolean) {
  const users = useUsers({ q: q || undefined, limit: LIMIT, active: true }, enabled);
  const options: RemoteOption[] | undefined = users.data?.items
    .filter((u) => !staffOnly || u.role !== 'client')
    .map((u) => ({ value: u.id, label: u.name, description: u.email }));
  return { options, isFetching: users.isFetching };
}

const useAnyUserOptions = (q: string, enabled: boolean) => useUserOptions(q, enabled, false);
const useStaffOptions = (q: string, enabled: boolean) => useUserOptions(q, enabled, true);

function useOrganizationOptions(q: string, enabled: boolean) {
  const orgs = useOrganizations({ q: q || undefined, limit: LIMIT }, enabled);
  const options = orgs.data?.items.map((o) => ({ value: o.id, label: o.name }));
  return { options, isFetching: orgs.isFetching };
}

function useGroupOptions(q: string, enabled: boolean) {
  const groups = useGroups({ q: q || undefined, limit: LIMIT }, enabled);
  const options = groups.data?.items.map((g) => ({ value: g.id, label: g.name }));
  return { options, isFetching: groups.isFetching };
}

function useDepartmentOptions(q: string, enabled: boolean) {
  const departments = useDepartments({ q: q || undefined, limit: LIMIT }, enabled);
  const options = departments.data?.items.map((d) => ({ value: d.id, label: d.name }));
  return { options, isFetching: departments.isFetching };
}

/** Any user: requesters are clients, assignees staff; "by user" covers both. */
export const UserSelect = (props: Props) => (
  <RemoteSelect {...props} useOptions={useAnyUserOptions} />
);
/** Staff only (assignees). */
export const StaffSelect = (props: Props) => (
  <RemoteSelect {...props} useOptions={useStaffOptions} />
);
export const OrganizationSelect = (props: Props) => (
  <RemoteSelect {...props} useOptions={useOrganizationOptions} />
);
export const GroupSelect = (props: Props) => (
  <RemoteSelect {...props} useOptions={useGroupOptions} />
);
export const DepartmentSelect = (props: Props) => (
  <RemoteSelect {...props} useOptions={useDepartmentOptions} />
);

/**
 * A department head's pickers: the people of the departments they head and of every
 * department below (`subtreeOf`), and those departments; what the API lets them list.
 */
export function TreeUserSelect({ roots, ...props }: Props & { roots: string[] }) {
  const key = roots.join(',');
  const useOptions = useMemo(
    () =>
      function useTreeUserOptions(q: string, enabled: boolean) {
        const users = useUsers(
          { q: q || undefined, limit: LIMIT, active: true, subtreeOf: key.split(',') },
          enabled,
        );
        const options = users.data?.items.map((u) => ({
          value: u.id,
          label: u.name,
          description: u.email,
        }));
        return { options, isFetching: users.isFetching };
      },
    [key],
  );
  return <RemoteSelect {...props} useOptions={useOptions} />;
}

export function TreeDepartmentSelect({ roots, ...props }: Props & { roots: string[] }) {
  const key = roots.join(',');
  const useOptions = useMemo(
    () =>
      function useTreeDepartmentOptions(q: string, enabled: boolean) {
        const departments = useDepartments(
          { q: q || undefined, limit: LIMIT, subtreeOf: key.split(',') },
          enabled,
        );
        const options = departments.data?.items.map((d) => ({ value: d.id, label: d.name }));
        return { options, isFetching: departments.isFetching };
      },
    [key],
  );
  return <RemoteSelect {...props} useOptions={useOptions} />;
}
