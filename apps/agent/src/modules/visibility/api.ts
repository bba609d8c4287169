import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type VisibilitySettings = Schemas['VisibilitySettingsDto'];
export type UpdateVisibilitySettings = Schemas['UpdateVisibilitySettingsDto'];

/** One function per endpoint of the installation's visibility settings. */
export const visibilityAdminApi = {
  get: (api: ApiClient) => unwrap(api.GET('/api/v1/admin/visibility-settings')),
  update: (api: ApiClient, body: UpdateVisibilitySettings) =>
    unwrap(api.PUT('/api/v1/admin/visibility-settings', { body })),
};
