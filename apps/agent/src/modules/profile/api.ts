import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type Deputyship = Schemas['DeputyshipDto'];
export type CalendarFeedStatus = Schemas['CalendarFeedStatusDto'];
export type CalendarFeedCreated = Schemas['CalendarFeedCreatedDto'];

/** The signed-in user's own deputies and calendar feed: one function per endpoint. */
export const profileApi = {
  deputies: (api: ApiClient, as: 'principal' | 'deputy') =>
    unwrap(api.GET('/api/v1/me/deputies', { params: { query: { as, limit: 50 } } })),
  addDeputy: (api: ApiClient, body: Schemas['CreateDeputyshipDto']) =>
    unwrap(api.POST('/api/v1/me/deputies', { body })),
  endDeputy: (api: ApiClient, id: string) =>
    unwrap(api.DELETE('/api/v1/me/deputies/{id}', { params: { path: { id } } })),
  calendarFeed: (api: ApiClient) => unwrap(api.GET('/api/v1/me/calendar-feed')),
  rotateCalendarFeed: (api: ApiClient) => unwrap(api.POST('/api/v1/me/calendar-feed')),
  revokeCalendarFeed: (api: ApiClient) => unwrap(api.DELETE('/api/v1/me/calendar-feed')),
};
