import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type WebFormSettings = Schemas['WebFormSettingsDto'];
export type UpdateWebFormSettings = Schemas['UpdateWebFormSettingsDto'];

/** One function per endpoint of the web form's administration. */
export const webFormAdminApi = {
  get: (api: ApiClient) => unwrap(api.GET('/api/v1/admin/web-form')),
  update: (api: ApiClient, body: UpdateWebFormSettings) =>
    unwrap(api.PUT('/api/v1/admin/web-form', { body })),
};
