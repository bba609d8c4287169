import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';
import type { KbArticle } from '@relaydesk/web-kb';

export type {
  KbArticle,
  KbArticleSummary,
  KbLanguage,
  KbSearchHit,
  KbSection,
} from '@relaydesk/web-kb';
export type KbRevisionSummary = Schemas['KbRevisionSummaryDto'];
export type KbRevision = Schemas['KbRevisionDto'];
export type KbRevisionDiff = Schemas['KbRevisionDiffDto'];
export type KbDiffLine = Schemas['KbDiffLineDto'];
export type KbArticleInput = Schemas['CreateKbArticleDto'];
export type KbArticleUpdate = Schemas['UpdateKbArticleDto'];
export type KbStatus = KbArticle['status'];

const article = (id: string) => ({ params: { path: { id } } });
const revision = (id: string, number: number) => ({ params: { path: { id, number } } });

/** The editing side of the knowledge base: one function per endpoint (kb.edit / kb.manage). */
export const kbEditApi = {
  create: (api: ApiClient, body: KbArticleInput) =>
    unwrap(api.POST('/api/v1/kb/articles', { body })),
  update: (api: ApiClient, id: string, body: KbArticleUpdate) =>
    unwrap(api.PATCH('/api/v1/kb/articles/{id}', { ...article(id), body })),
  remove: (api: ApiClient, id: string) =>
    unwrap(api.DELETE('/api/v1/kb/articles/{id}', article(id))),
  changeStatus: (api: ApiClient, id: string, version: number, status: KbStatus) =>
    unwrap(
      api.POST('/api/v1/kb/articles/{id}/status-changes', {
        ...article(id),
        body: { version, status },
      }),
    ),
  review: (api: ApiClient, id: string, version: number) =>
    unwrap(api.POST('/api/v1/kb/articles/{id}/reviews', { ...article(id), body: { version } })),
  revisions: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/kb/articles/{id}/revisions', article(id))),
  revision: (api: ApiClient, id: string, number: number) =>
    unwrap(api.GET('/api/v1/kb/articles/{id}/revisions/{number}', revision(id, number))),
  diff: (api: ApiClient, id: string, from: number, to: number) =>
    unwrap(
      api.GET('/api/v1/kb/articles/{id}/revisions/{number}/diff', {
        params: { path: { id, number: to }, query: { from } },
      }),
    ),
  restore: (api: ApiClient, id: string, number: number, version: number) =>
    unwrap(
      api.POST('/api/v1/kb/articles/{id}/revisions/{number}/restorations', {
        ...revision(id, number),
        body: { version },
      }),
    ),
  /** The body rendered by the readers' renderer; nothing is stored. */
  preview: (api: ApiClient, body: string) =>
    unwrap(api.POST('/api/v1/kb/previews', { body: { body } })),
  relatedTickets: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/kb/articles/{id}/tickets', article(id))),
};
