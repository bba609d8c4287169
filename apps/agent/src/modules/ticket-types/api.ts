import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type TicketType = Schemas['TicketTypeDto'];
export type TicketTypeField = Schemas['TicketTypeFieldDto'];
export type CreateTicketTypeBody = Schemas['CreateTicketTypeDto'];
export type UpdateTicketTypeBody = Schemas['UpdateTicketTypeDto'];
export type CreateFieldBody = Schemas['CreateTicketTypeFieldDto'];
export type UpdateFieldBody = Schemas['UpdateTicketTypeFieldDto'];

/** One function per ticket-type endpoint (administration of types and their custom fields). */
export const ticketTypesApi = {
  /** Staff get every type, inactive ones too, with all their fields. */
  list: (api: ApiClient) =>
    unwrap(api.GET('/api/v1/ticket-types', { params: { query: { includeInactive: true } } })),
  get: (api: ApiClient, id: string) =>
    unwrap(
      api.GET('/api/v1/ticket-types/{id}', {
        params: { path: { id }, query: { includeInactive: true } },
      }),
    ),
  create: (api: ApiClient, body: CreateTicketTypeBody) =>
    unwrap(api.POST('/api/v1/ticket-types', { body })),
  update: (api: ApiClient, id: string, body: UpdateTicketTypeBody) =>
    unwrap(api.PATCH('/api/v1/ticket-types/{id}', { params: { path: { id } }, body })),
  createField: (api: ApiClient, typeId: string, body: CreateFieldBody) =>
    unwrap(
      api.POST('/api/v1/ticket-types/{id}/fields', { params: { path: { id: typeId } }, body }),
    ),
  updateField: (api: ApiClient, typeId: string, fieldId: string, body: UpdateFieldBody) =>
    unwrap(
      api.PATCH('/api/v1/ticket-types/{id}/fields/{fieldId}', {
        params: { path: { id: typeId, fieldId } },
        body,
      }),
    ),
  deactivateField: (api: ApiClient, typeId: string, fieldId: string) =>
    unwrap(
      api.DELETE('/api/v1/ticket-types/{id}/fields/{fieldId}', {
        params: { path: { id: typeId, fieldId } },
      }),
    ),
};
