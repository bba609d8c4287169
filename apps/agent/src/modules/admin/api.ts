import { unwrap, type ApiClient } from '@relaydesk/api-client';

/**
 * Reading one directory record by id, which the shared directory api does not need: the
 * administration reloads a record this way after a version conflict.
 */
export const adminApi = {
  user: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  organization: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } })),
  department: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/departments/{id}', { params: { path: { id } } })),
  group: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/groups/{id}', { params: { path: { id } } })),
  /** A new welcome mail for a user who has not set a password yet. */
  invite: (api: ApiClient, id: string) =>
    unwrap(api.POST('/api/v1/users/{id}/invitations', { params: { path: { id } } })),
};
