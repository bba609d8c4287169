import { useCallback } from 'react';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import {
  directoryApi,
  type Department,
  type DepartmentsQuery,
  type Group,
  type GroupsQuery,
  type Organization,
  type OrganizationsQuery,
  type User,
  type UsersQuery,
} from '../directory/api';
import { useDepartments } from '../directory/hooks';
import type { ListFilter } from '../../shared/forms/admin-section';
import { adminApi } from './api';

export type AdminKind = 'users' | 'organizations' | 'departments' | 'groups';
/** Every record list the administration shows with <AdminSection/>. */
export type SectionKind = AdminKind | 'projects';
export interface AdminRecords {
  users: User;
  organizations: Organization;
  departments: Department;
  groups: Group;
}

const PAGE_SIZE = 50;

interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/**
 * Pages of one directory list for the administration tables ("load more"). Keyed under the
 * directory list key, so the directory's save hooks (which invalidate `directory`) refresh them.
 */
function usePages<T>(key: readonly unknown[], fetchPage: (cursor?: string) => Promise<Page<T>>) {
  return useInfiniteQuery({
    queryKey: [...key, 'pages'],
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useUserPages(filter: ListFilter) {
  const api = useApi();
  const query: UsersQuery = { ...filter, limit: PAGE_SIZE };
  return usePages(queryKeys.directory.users(query), (cursor) =>
    directoryApi.users(api, { ...query, cursor }),
  );
}

export function useOrganizationPages(filter: ListFilter) {
  const api = useApi();
  const query: OrganizationsQuery = { ...filter, limit: PAGE_SIZE };
  return usePages(queryKeys.directory.organizations(query), (cursor) =>
    directoryApi.organizations(api, { ...query, cursor }),
  );
}

export function useDepartmentPages(filter: ListFilter) {
  const api = useApi();
  const query: DepartmentsQuery = { ...filter, limit: PAGE_SIZE };
  return usePages(queryKeys.directory.departments(query), (cursor) =>
    directoryApi.departments(api, { ...query, cursor }),
  );
}

export function useGroupPages(filter: ListFilter) {
  const api = useApi();
  const query: GroupsQuery = { ...filter, limit: PAGE_SIZE };
  return usePages(queryKeys.directory.groups(query), (cursor) =>
    directoryApi.groups(api, { ...query, cursor }),
  );
}

const LOOKUP_LIMIT = 200;

/** Every department (a company has a few dozen at most), for pickers and names in the tables. */
export function useAllDepartments() {
  const departments = useDepartments({ limit: LOOKUP_LIMIT });
  const items = departments.data?.items ?? [];
  return { departments: items, byId: new Map(items.map((d) => [d.id, d])) };
}

/**
 * Reads one record again (after a version conflict) and refreshes the directory lists, which
 * are as stale as the form was.
 */
export function useReloadRecord<K extends AdminKind>(kind: K) {
  const api = useApi();
  const client = useQueryClient();
  return useCallback(
    async (id: string): Promise<AdminRecords[K]> => {
      const readers = {
        users: adminApi.user,
        organizations: adminApi.organization,
        departments: adminApi.department,
        groups: adminApi.group,
      };
      const record = (await readers[kind](api, id)) as AdminRecords[K];
      await client.invalidateQueries({ queryKey: ['directory'] });
      return record;
    },
    [api, client, kind],
  );
}

/** "Resend invitation": nothing to refresh, the user record does not change. */
export function useSendInvitation(userId: string) {
  const api = useApi();
  return useMutation({ mutationFn: () => adminApi.invite(api, userId) });
}
