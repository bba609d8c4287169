import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import type { Schemas } from '@relaydesk/api-client';
import {
  kbApi,
  type KbArticle,
  type KbArticlesQuery,
  type KbReader,
  type KbSearchQuery,
  type KbSuggestionsQuery,
} from './api';
import { kbQueryKeys as keys } from './query-keys';

/*
 * The React Query hooks of knowledge-base reading, for both SPAs and for anonymous readers of
 * the public KB (`reader: 'public'`). Search-like hooks run only when there are words, and keep
 * the last answer on screen while the next one loads so a result list does not flicker per key.
 */

/** Sections change rarely; a reader moving between pages need not refetch them each time. */
const SECTIONS_STALE_MS = 60_000;

export function useKbSections(reader: KbReader = 'signed-in') {
  const api = useApi();
  return useQuery({
    queryKey: keys.sections(reader),
    queryFn: () => kbApi.sections(api, reader),
    staleTime: SECTIONS_STALE_MS,
  });
}

/** One page (for a fixed-size list such as "popular articles"). */
export function useKbArticles(
  query: KbArticlesQuery,
  reader: KbReader = 'signed-in',
  { enabled = true }: { enabled?: boolean } = {},
) {
  const api = useApi();
  return useQuery({
    queryKey: keys.articles(reader, query),
    queryFn: () => kbApi.articles(api, reader, query),
    enabled,
  });
}

/** Page after page ("more"), for a section's article list. */
export function useKbArticlePages(
  query: Omit<KbArticlesQuery, 'cursor'>,
  reader: KbReader = 'signed-in',
  { enabled = true }: { enabled?: boolean } = {},
) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...keys.articles(reader, query), 'pages'],
    queryFn: ({ pageParam }) => kbApi.articles(api, reader, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** A missing or invisible article is a 404: no retries for it. */
export function useKbArticle<T extends KbArticle = KbArticle>(
  id: string | undefined,
  reader: KbReader = 'signed-in',
) {
  const api = useApi();
  return useQuery({
    queryKey: keys.article(reader, id ?? ''),
    queryFn: () => kbApi.article(api, reader, id ?? '') as Promise<T>,
    enabled: !!id,
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

const hasWords = (text: string | undefined) => !!text && text.trim().length > 0;

export function useKbSearch(query: KbSearchQuery, reader: KbReader = 'signed-in') {
  const api = useApi();
  return useQuery({
    queryKey: keys.search(reader, query),
    queryFn: () => kbApi.search(api, reader, query),
    enabled: hasWords(query.q),
    placeholderData: keepPreviousData,
  });
}

export function useKbTypeahead(query: KbSearchQuery, reader: KbReader = 'signed-in') {
  const api = useApi();
  return useQuery({
    queryKey: keys.typeahead(reader, query),
    queryFn: () => kbApi.typeahead(api, reader, query),
    enabled: hasWords(query.q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Articles that may answer a text being written (signed-in readers only). */
export function useKbSuggestions(
  query: KbSuggestionsQuery,
  { enabled = true }: { enabled?: boolean } = {},
) {
  const api = useApi();
  return useQuery({
    queryKey: keys.suggestions(query),
    queryFn: () => kbApi.suggestions(api, query),
    enabled: enabled && hasWords(query.text),
    placeholderData: keepPreviousData,
  });
}

/**
 * "Was this helpful?": the answer carries the new counts, written into the cached article (the
 * signed-in one: anonymous readers do not vote) so the page shows the vote without a refetch.
 */
export function useKbVote(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['KbVoteDto']) => kbApi.vote(api, id, body),
    onSuccess: (result) =>
      client.setQueryData<KbArticle>(keys.article('signed-in', id), (article) =>
        article
          ? {
              ...article,
              myVote: result.helpful,
              helpfulCount: result.helpfulCount,
              notHelpfulCount: result.notHelpfulCount,
            }
          : article,
      ),
  });
}
