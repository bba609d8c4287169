import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type WebhookEndpoint = Schemas['WebhookEndpointDto'];
export type WebhookEndpointCreated = Schemas['WebhookEndpointCreatedDto'];
export type CreateWebhookEndpoint = Schemas['CreateWebhookEndpointDto'];
export type UpdateWebhookEndpoint = Schemas['UpdateWebhookEndpointDto'];
export type WebhookDelivery = Schemas['WebhookDeliveryDto'];
export type WebhookAttempt = Schemas['WebhookAttemptDto'];

/** One function per endpoint of Administration > Webhooks. */
export const webhooksApi = {
  list: (api: ApiClient) => unwrap(api.GET('/api/v1/admin/webhooks')),
  create: (api: ApiClient, body: CreateWebhookEndpoint) =>
    unwrap(api.POST('/api/v1/admin/webhooks', { body })),
  update: (api: ApiClient, id: string, body: UpdateWebhookEndpoint) =>
    unwrap(api.PATCH('/api/v1/admin/webhooks/{id}', { params: { path: { id } }, body })),
  remove: (api: ApiClient, id: string) =>
    unwrap(api.DELETE('/api/v1/admin/webhooks/{id}', { params: { path: { id } } })),
  rotateSecret: (api: ApiClient, id: string) =>
    unwrap(api.POST('/api/v1/admin/webhooks/{id}/secret-rotations', { params: { path: { id } } })),
  deliveries: (api: ApiClient, id: string, cursor?: string) =>
    unwrap(
      api.GET('/api/v1/admin/webhooks/{id}/deliveries', {
        params: { path: { id }, query: { limit: 25, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  redeliver: (api: ApiClient, id: string, deliveryId: string) =>
    unwrap(
      api.POST('/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliveries', {
        params: { path: { id, deliveryId } },
      }),
    ),
};
