import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type Notification = Schemas['NotificationDto'];
export type NotificationPage = Schemas['NotificationPageDto'];
export type NotificationsQuery = NonNullable<
  paths['/api/v1/me/notifications']['get']['parameters']['query']
>;

/** One function per endpoint of the in-app notifications and the admins' defaults. */
export const notificationsApi = {
  list: (api: ApiClient, query: NotificationsQuery) =>
    unwrap(api.GET('/api/v1/me/notifications', { params: { query } })),
  unreadCount: (api: ApiClient) => unwrap(api.GET('/api/v1/me/notifications/unread-count')),
  markRead: (api: ApiClient, id: string) =>
    unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
  markAllRead: (api: ApiClient) => unwrap(api.POST('/api/v1/me/notifications/read-all')),
  defaults: (api: ApiClient) => unwrap(api.GET('/api/v1/admin/notification-defaults')),
  updateDefaults: (api: ApiClient, body: Schemas['UpdateNotificationDefaultsDto']) =>
    unwrap(api.PUT('/api/v1/admin/notification-defaults', { body })),
};
