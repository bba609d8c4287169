import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi, useUser } from '@relaydesk/web-auth';
import { kbQueryKeys } from '@relaydesk/web-kb';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { queryKeys } from '../../query-keys';
import {
  kbAdminApi,
  type KbSectionInput,
  type KbSectionOrder,
  type KbSectionUpdate,
  type KbSettingsUpdate,
} from './kb-admin-api';

/** kb.edit and kb.manage of the signed-in user (the API decides anyway). */
export function useKbAdminPermissions() {
  const user = useUser();
  return {
    edit: roleHasPermission(user.role, Permission.KbEdit),
    manage: roleHasPermission(user.role, Permission.KbManage),
  };
}

/** Sections changed: every reading query may show them (tree, lists, search by section). */
function useSectionsChanged() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: kbQueryKeys.all });
}

export function useCreateKbSection() {
  const api = useApi();
  const changed = useSectionsChanged();
  return useMutation({
    mutationFn: (body: KbSectionInput) => kbAdminApi.createSection(api, body),
    onSuccess: changed,
  });
}

export function useUpdateKbSection() {
  const api = useApi();
  const changed = useSectionsChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: KbSectionUpdate }) =>
      kbAdminApi.updateSection(api, id, body),
    onSuccess: changed,
  });
}

/**
 * A parent's subsections in a new order, one request (every sibling with the version read: a
 * stale one changes nothing); the tree is read again either way.
 */
export function useReorderKbSections() {
  const api = useApi();
  const changed = useSectionsChanged();
  return useMutation({
    mutationFn: (order: KbSectionOrder) => kbAdminApi.orderSections(api, order),
    onSettled: changed,
  });
}

export function useRemoveKbSection() {
  const api = useApi();
  const changed = useSectionsChanged();
  return useMutation({
    mutationFn: (id: string) => kbAdminApi.removeSection(api, id),
    onSuccess: changed,
  });
}

export function useKbSettings() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.kbAdmin.settings,
    queryFn: () => kbAdminApi.settings(api),
  });
}

export function useSaveKbSettings() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KbSettingsUpdate) => kbAdminApi.saveSettings(api, body),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.kbAdmin.settings, saved);
      // The interval decides what is due; the public switch what the portal's /kb shows.
      void client.invalidateQueries({ queryKey: queryKeys.kbAdmin.reviewQueueAll });
    },
  });
}

export function useKbReviewQueue(months: number | undefined) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.kbAdmin.reviewQueue(months ?? null),
    queryFn: ({ pageParam }) =>
      kbAdminApi.reviewQueue(api, { months, cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The sidebar's badge: how many articles are due (the API stops counting at its cap). */
export function useKbReviewQueueCount(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.kbAdmin.reviewCount,
    queryFn: () => kbAdminApi.reviewQueueCount(api),
    enabled,
    staleTime: 60_000,
  });
}

export function useMarkKbReviewed() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      kbAdminApi.markReviewed(api, id, version),
    onSuccess: (article) => {
      client.setQueryData(kbQueryKeys.article('signed-in', article.id), article);
      void client.invalidateQueries({ queryKey: queryKeys.kbAdmin.reviewQueueAll });
    },
  });
}

export function useKbRatings(articleId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.kbAdmin.ratings(articleId),
    queryFn: () => kbAdminApi.ratings(api, articleId),
  });
}
