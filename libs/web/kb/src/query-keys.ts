import type { KbArticlesQuery, KbReader, KbSearchQuery, KbSuggestionsQuery } from './api';

/**
 * The React Query keys of knowledge-base reading, shared by both SPAs. The reader is part of
 * every key: the public and the signed-in answers for the same id differ.
 */
export const kbQueryKeys = {
  all: ['kb'] as const,
  sections: (reader: KbReader) => ['kb', reader, 'sections'] as const,
  articles: (reader: KbReader, query: KbArticlesQuery) =>
    ['kb', reader, 'articles', query] as const,
  article: (reader: KbReader, id: string) => ['kb', reader, 'article', id] as const,
  search: (reader: KbReader, query: KbSearchQuery) => ['kb', reader, 'search', query] as const,
  typeahead: (reader: KbReader, query: KbSearchQuery) =>
    ['kb', reader, 'typeahead', query] as const,
  suggestions: (query: KbSuggestionsQuery) => ['kb', 'signed-in', 'suggestions', query] as const,
};
