import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type KbSection = Schemas['KbSectionDto'];
export type KbArticle = Schemas['KbArticleDto'];
export type KbArticleSummary = Schemas['KbArticleSummaryDto'];
export type KbArticlePage = Schemas['KbArticlePageDto'];
export type KbSearchHit = Schemas['KbSearchHitDto'];
export type KbTypeaheadItem = Schemas['KbTypeaheadItemDto'];
export type KbVoteResult = Schemas['KbVoteResultDto'];
export type KbLanguage = KbArticle['language'];
export type KbArticlesQuery = NonNullable<
  paths['/api/v1/kb/articles']['get']['parameters']['query']
>;
export type KbSearchQuery = NonNullable<paths['/api/v1/kb/search']['get']['parameters']['query']>;
export type KbSuggestionsQuery = NonNullable<
  paths['/api/v1/kb/suggestions']['get']['parameters']['query']
>;

/**
 * Who reads: `signed-in` goes to /api/v1/kb (clients and staff, each through the audience rule),
 * `public` to /api/v1/public/kb (anyone, public sections only, while the public KB is on).
 */
export type KbReader = 'signed-in' | 'public';

/**
 * One function per reading endpoint of the knowledge base, for both SPAs; components never call
 * the client directly. Editing endpoints (agent SPA only) stay in that SPA.
 */
export const kbApi = {
  sections: (api: ApiClient, reader: KbReader) =>
    reader === 'public'
      ? unwrap(api.GET('/api/v1/public/kb/sections'))
      : unwrap(api.GET('/api/v1/kb/sections')),
  articles: (api: ApiClient, reader: KbReader, query: KbArticlesQuery) =>
    reader === 'public'
      ? unwrap(api.GET('/api/v1/public/kb/articles', { params: { query } }))
      : unwrap(api.GET('/api/v1/kb/articles', { params: { query } })),
  article: (api: ApiClient, reader: KbReader, id: string) =>
    reader === 'public'
      ? unwrap(api.GET('/api/v1/public/kb/articles/{id}', { params: { path: { id } } }))
      : unwrap(api.GET('/api/v1/kb/articles/{id}', { params: { path: { id } } })),
  search: (api: ApiClient, reader: KbReader, query: KbSearchQuery) =>
    reader === 'public'
      ? unwrap(api.GET('/api/v1/public/kb/search', { params: { query } }))
      : unwrap(api.GET('/api/v1/kb/search', { params: { query } })),
  typeahead: (api: ApiClient, reader: KbReader, query: KbSearchQuery) =>
    reader === 'public'
      ? unwrap(api.GET('/api/v1/public/kb/typeahead', { params: { query } }))
      : unwrap(api.GET('/api/v1/kb/typeahead', { params: { query } })),
  /** Signed-in readers only: the public KB has no suggestions. */
  suggestions: (api: ApiClient, query: KbSuggestionsQuery) =>
    unwrap(api.GET('/api/v1/kb/suggestions', { params: { query } })),
  /** Signed-in readers only; voting again replaces the vote. */
  vote: (api: ApiClient, id: string, body: Schemas['KbVoteDto']) =>
    unwrap(api.PUT('/api/v1/kb/articles/{id}/my-vote', { params: { path: { id } }, body })),
};
