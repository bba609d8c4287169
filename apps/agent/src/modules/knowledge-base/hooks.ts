import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { kbQueryKeys } from '@relaydesk/web-kb';
import { queryKeys } from '../../query-keys';
import { useMe } from '../directory/hooks';
import { kbEditApi, type KbArticle, type KbArticleInput, type KbArticleUpdate } from './api';
import type { KbStatus } from './api';

/** What the caller may do in the knowledge base, from /me (the API decides anyway). */
export function useKbPermissions() {
  const me = useMe();
  const permissions = me.data?.permissions ?? [];
  return { edit: permissions.includes('kb.edit'), manage: permissions.includes('kb.manage') };
}

/**
 * After a write: the answer is the article as it now is, so the article page shows it at once;
 * lists, search and the history may have changed with it.
 */
function useArticleWritten() {
  const client = useQueryClient();
  return (article: KbArticle) => {
    client.setQueryData(kbQueryKeys.article('signed-in', article.id), article);
    void client.invalidateQueries({
      queryKey: kbQueryKeys.all,
      predicate: (q) => !(q.queryKey[2] === 'article' && q.queryKey[3] === article.id),
    });
    void client.invalidateQueries({ queryKey: queryKeys.kbEditing.revisions(article.id) });
    // A review, a publication or an archiving changes what is due (the sidebar's count too).
    void client.invalidateQueries({ queryKey: queryKeys.kbAdmin.reviewQueueAll });
  };
}

export function useCreateKbArticle() {
  const api = useApi();
  const written = useArticleWritten();
  return useMutation({
    mutationFn: (body: KbArticleInput) => kbEditApi.create(api, body),
    onSuccess: written,
  });
}

export function useUpdateKbArticle(id: string) {
  const api = useApi();
  const written = useArticleWritten();
  return useMutation({
    mutationFn: (body: KbArticleUpdate) => kbEditApi.update(api, id, body),
    onSuccess: written,
  });
}

export function useKbStatusChange(id: string) {
  const api = useApi();
  const written = useArticleWritten();
  return useMutation({
    mutationFn: (a: { version: number; status: KbStatus }) =>
      kbEditApi.changeStatus(api, id, a.version, a.status),
    onSuccess: written,
  });
}

export function useKbReview(id: string) {
  const api = useApi();
  const written = useArticleWritten();
  return useMutation({
    mutationFn: (version: number) => kbEditApi.review(api, id, version),
    onSuccess: written,
  });
}

export function useDeleteKbArticle(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => kbEditApi.remove(api, id),
    onSuccess: () => {
      client.removeQueries({ queryKey: kbQueryKeys.article('signed-in', id) });
      void client.invalidateQueries({ queryKey: kbQueryKeys.all });
    },
  });
}

export function useKbRevisions(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.kbEditing.revisions(id),
    queryFn: () => kbEditApi.revisions(api, id),
  });
}

export function useKbRevision(id: string, number: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.kbEditing.revision(id, number ?? 0),
    queryFn: () => kbEditApi.revision(api, id, number ?? 0),
    enabled: number !== null,
  });
}

export function useKbDiff(id: string, from: number | null, to: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.kbEditing.diff(id, from ?? 0, to ?? 0),
    queryFn: () => kbEditApi.diff(api, id, from ?? 0, to ?? 0),
    enabled: from !== null && to !== null && from !== to,
  });
}

export function useKbRestore(id: string) {
  const api = useApi();
  const written = useArticleWritten();
  return useMutation({
    mutationFn: (a: { number: number; version: number }) =>
      kbEditApi.restore(api, id, a.number, a.version),
    onSuccess: written,
  });
}

export function useKbRelatedTickets(id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.kbEditing.tickets(id),
    queryFn: () => kbEditApi.relatedTickets(api, id),
    enabled,
  });
}

/** The editor's preview: the server's renderer, so it is what readers get. */
export function useKbPreview(body: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.kbEditing.preview(body),
    queryFn: () => kbEditApi.preview(api, body),
    enabled,
    staleTime: Infinity,
    gcTime: 60_000,
    placeholderData: (previous) => previous,
  });
}
