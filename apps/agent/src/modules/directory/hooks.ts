import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import type { Schemas } from '@relaydesk/api-client';
import { queryKeys } from '../../query-keys';
import {
  directoryApi,
  type DepartmentsQuery,
  type GroupsQuery,
  type OrganizationsQuery,
  type UsersQuery,
} from './api';

export function useUsers(query: UsersQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.directory.users(query),
    queryFn: () => directoryApi.users(api, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Users by id (names of user-kind custom fields); each cached for the session. */
export function useUsersById(ids: string[]) {
  const api = useApi();
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.directory.user(id),
      queryFn: () => directoryApi.user(api, id),
      staleTime: 300_000,
      retry: false,
    })),
  });
}

/** Organizations by id (names of organization-kind custom fields). */
export function useOrganizationsById(ids: string[]) {
  const api = useApi();
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.directory.organization(id),
      queryFn: () => directoryApi.organization(api, id),
      staleTime: 300_000,
      retry: false,
    })),
  });
}

export function useOrganizations(query: OrganizationsQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.directory.organizations(query),
    queryFn: () => directoryApi.organizations(api, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDepartments(query: DepartmentsQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.directory.departments(query),
    queryFn: () => directoryApi.departments(api, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useGroups(query: GroupsQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.directory.groups(query),
    queryFn: () => directoryApi.groups(api, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.me, queryFn: () => directoryApi.me(api) });
}

function useDirectoryMutation<A>(fn: (a: A) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ['directory'] }),
  });
}

export function useSaveUser() {
  const api = useApi();
  return useDirectoryMutation(
    (a: { id?: string; body: Schemas['CreateUserDto'] | Schemas['UpdateUserDto'] }) =>
      a.id
        ? directoryApi.updateUser(api, a.id, a.body as Schemas['UpdateUserDto'])
        : directoryApi.createUser(api, a.body as Schemas['CreateUserDto']),
  );
}

export function useSaveOrganization() {
  const api = useApi();
  return useDirectoryMutation(
    (a: {
      id?: string;
      body: Schemas['CreateOrganizationDto'] | Schemas['UpdateOrganizationDto'];
    }) =>
      a.id
        ? directoryApi.updateOrganization(api, a.id, a.body as Schemas['UpdateOrganizationDto'])
        : directoryApi.createOrganization(api, a.body as Schemas['CreateOrganizationDto']),
  );
}

export function useSaveDepartment() {
  const api = useApi();
  return useDirectoryMutation(
    (a: { id?: string; body: Schemas['CreateDepartmentDto'] | Schemas['UpdateDepartmentDto'] }) =>
      a.id
        ? directoryApi.updateDepartment(api, a.id, a.body as Schemas['UpdateDepartmentDto'])
        : directoryApi.createDepartment(api, a.body as Schemas['CreateDepartmentDto']),
  );
}

export function useSaveGroup() {
  const api = useApi();
  return useDirectoryMutation(
    (a: { id?: string; body: Schemas['CreateGroupDto'] | Schemas['UpdateGroupDto'] }) =>
      a.id
        ? directoryApi.updateGroup(api, a.id, a.body as Schemas['UpdateGroupDto'])
        : directoryApi.createGroup(api, a.body as Schemas['CreateGroupDto']),
  );
}

export function useUpdateMe() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateMeDto']) => directoryApi.updateMe(api, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

/** How many staff users of each role `useStaff` reads. */
const STAFF_LIMIT = 200;

/**
 * Staff users (admins, dispatchers, agents, inactive ones too) for pickers and for names in the
 * tables. A help desk has far fewer staff than the 200 per role read here.
 */
export function useStaff() {
  const admins = useUsers({ role: 'admin', limit: STAFF_LIMIT });
  const dispatchers = useUsers({ role: 'dispatcher', limit: STAFF_LIMIT });
  const agents = useUsers({ role: 'agent', limit: STAFF_LIMIT });
  const staff = [admins, dispatchers, agents]
    .flatMap((q) => q.data?.items ?? [])
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    staff,
    byId: new Map(staff.map((u) => [u.id, u])),
    isPending: admins.isPending || dispatchers.isPending || agents.isPending,
  };
}
