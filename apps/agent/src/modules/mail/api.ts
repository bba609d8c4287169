import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type Delivery = Schemas['DeliveryDto'];
export type DeliveryPage = Schemas['DeliveryPageDto'];
export type MailSettings = Schemas['MailSettingsDto'];
export type AdminDeliveriesQuery = NonNullable<
  paths['/api/v1/admin/deliveries']['get']['parameters']['query']
>;
export type DeliveryStatus = Delivery['status'];

/** One function per endpoint of outgoing mail and SMS: a ticket's, and the admin view. */
export const mailApi = {
  ticketDeliveries: (api: ApiClient, ticketId: string, cursor?: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/deliveries', {
        params: { path: { id: ticketId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  settings: (api: ApiClient) => unwrap(api.GET('/api/v1/admin/mail')),
  adminDeliveries: (api: ApiClient, query: AdminDeliveriesQuery) =>
    unwrap(api.GET('/api/v1/admin/deliveries', { params: { query } })),
};
