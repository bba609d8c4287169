import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';
import type { Locale } from '@relaydesk/contracts';

export type InstallationSettings = Schemas['InstallationSettingsDto'];
export type UpdateInstallationSettings = Schemas['UpdateInstallationSettingsDto'];
export type StoredProtocol = Schemas['StoredProtocolDto'];

/** The service protocol and the installation's company details: one function per endpoint. */
export const serviceProtocolApi = {
  /** The PDF through the authorized client (the token never goes in a URL). */
  pdf: (api: ApiClient, ticketId: string, lang: Locale) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/protocol', {
        params: { path: { id: ticketId }, query: { lang } },
        parseAs: 'blob',
      }),
    ) as Promise<Blob>,
  store: (api: ApiClient, ticketId: string, lang: Locale, internal: boolean) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/protocol/attachments', {
        params: { path: { id: ticketId }, query: { lang, internal } },
      }),
    ),
  workLogSettings: (api: ApiClient) => unwrap(api.GET('/api/v1/work-log/settings')),
  installation: (api: ApiClient) => unwrap(api.GET('/api/v1/admin/installation-settings')),
  updateInstallation: (api: ApiClient, body: UpdateInstallationSettings) =>
    unwrap(api.PUT('/api/v1/admin/installation-settings', { body })),
};
