import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type Notification = Schemas['NotificationDto'];
export type NotificationsQuery = NonNullable<
  paths['/api/v1/me/notifications']['get']['parameters']['query']
>;

/** One function per endpoint of the client's in-app notifications (the same API as staff). */
export const notificationsApi = {
  list: (api: ApiClient, query: NotificationsQuery) =>
    unwrap(api.GET('/api/v1/me/notifications', { params: { query } })),
  unreadCount: (api: ApiClient) => unwrap(api.GET('/api/v1/me/notifications/unread-count')),
  markRead: (api: ApiClient, id: string) =>
    unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
  markAllRead: (api: ApiClient) => unwrap(api.POST('/api/v1/me/notifications/read-all')),
};
