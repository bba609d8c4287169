import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type SlaCalendar = Schemas['SlaCalendarDto'];
export type SlaPolicy = Schemas['SlaPolicyDto'];
export type CreateSlaCalendar = Schemas['CreateSlaCalendarDto'];
export type UpdateSlaCalendar = Schemas['UpdateSlaCalendarDto'];
export type CreateSlaPolicy = Schemas['CreateSlaPolicyDto'];
export type UpdateSlaPolicy = Schemas['UpdateSlaPolicyDto'];

/** Business-hours calendars and SLA policies (administration): one function per endpoint. */
export const slaApi = {
  calendars: (api: ApiClient) => unwrap(api.GET('/api/v1/sla/calendars')),
  createCalendar: (api: ApiClient, body: CreateSlaCalendar) =>
    unwrap(api.POST('/api/v1/sla/calendars', { body })),
  updateCalendar: (api: ApiClient, id: string, body: UpdateSlaCalendar) =>
    unwrap(api.PATCH('/api/v1/sla/calendars/{id}', { params: { path: { id } }, body })),
  policies: (api: ApiClient) => unwrap(api.GET('/api/v1/sla/policies')),
  createPolicy: (api: ApiClient, body: CreateSlaPolicy) =>
    unwrap(api.POST('/api/v1/sla/policies', { body })),
  updatePolicy: (api: ApiClient, id: string, body: UpdateSlaPolicy) =>
    unwrap(api.PATCH('/api/v1/sla/policies/{id}', { params: { path: { id } }, body })),
};
