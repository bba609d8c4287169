import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type KbAdminSection = Schemas['KbSectionDto'];
export type KbSectionInput = Schemas['CreateKbSectionDto'];
export type KbSectionUpdate = Schemas['UpdateKbSectionDto'];
export type KbSectionOrder = Schemas['KbSectionOrderDto'];
export type KbSettings = Schemas['KbSettingsDto'];
export type KbSettingsUpdate = Schemas['UpdateKbSettingsDto'];
export type KbReviewQueuePage = Schemas['KbReviewQueuePageDto'];
export type KbReviewQueueItem = Schemas['KbReviewQueueItemDto'];
export type KbRating = Schemas['KbRatingDto'];

const byId = (id: string) => ({ params: { path: { id } } });

/**
 * Knowledge-base administration: one function per endpoint (sections and settings need
 * kb.manage; the review queue and ratings kb.edit). Reading sections is @relaydesk/web-kb's.
 */
export const kbAdminApi = {
  createSection: (api: ApiClient, body: KbSectionInput) =>
    unwrap(api.POST('/api/v1/kb/sections', { body })),
  updateSection: (api: ApiClient, id: string, body: KbSectionUpdate) =>
    unwrap(api.PATCH('/api/v1/kb/sections/{id}', { ...byId(id), body })),
  orderSections: (api: ApiClient, body: KbSectionOrder) =>
    unwrap(api.PUT('/api/v1/kb/sections/order', { body })),
  removeSection: (api: ApiClient, id: string) =>
    unwrap(api.DELETE('/api/v1/kb/sections/{id}', byId(id))),
  settings: (api: ApiClient) => unwrap(api.GET('/api/v1/admin/kb-settings')),
  saveSettings: (api: ApiClient, body: KbSettingsUpdate) =>
    unwrap(api.PUT('/api/v1/admin/kb-settings', { body })),
  reviewQueue: (api: ApiClient, query: { months?: number; cursor?: string; limit?: number }) =>
    unwrap(api.GET('/api/v1/kb/review-queue', { params: { query } })),
  reviewQueueCount: (api: ApiClient) => unwrap(api.GET('/api/v1/kb/review-queue/count')),
  markReviewed: (api: ApiClient, id: string, version: number) =>
    unwrap(api.POST('/api/v1/kb/articles/{id}/reviews', { ...byId(id), body: { version } })),
  ratings: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/kb/articles/{id}/ratings', byId(id))),
};
