import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import {
  projectsApi,
  type CreateProjectBody,
  type ProjectsQuery,
  type UpdateProjectBody,
} from './api';

/** Pages of projects ("load more"), for the administration table. */
export function useProjectPages(query: ProjectsQuery) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...queryKeys.projects.list(query), 'pages'],
    queryFn: ({ pageParam }) => projectsApi.list(api, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useSaveProject() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { id?: string; body: CreateProjectBody | UpdateProjectBody }) =>
      a.id
        ? projectsApi.update(api, a.id, a.body as UpdateProjectBody)
        : projectsApi.create(api, a.body as CreateProjectBody),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.projects.all }),
  });
}

/** Reads one project again (after a version conflict) and refreshes the lists. */
export function useReloadProject() {
  const api = useApi();
  const client = useQueryClient();
  return async (id: string) => {
    const project = await projectsApi.get(api, id);
    await client.invalidateQueries({ queryKey: queryKeys.projects.all });
    return project;
  };
}

/** A project's notification list. */
export function useProjectWatchers(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.projects.watchers(id),
    queryFn: () => projectsApi.watchers(api, id),
  });
}

/** Replaces the whole list; the answer is the list as stored. */
export function useReplaceProjectWatchers(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => projectsApi.replaceWatchers(api, id, userIds),
    onSuccess: (list) => client.setQueryData(queryKeys.projects.watchers(id), list),
  });
}

/** One project (its manager and members), e.g. for its manager's handover on a ticket. */
export function useProject(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.projects.detail(id ?? ''),
    queryFn: () => projectsApi.get(api, id!),
    enabled: id !== null,
  });
}
