import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type QuarantinedMail = Schemas['QuarantinedMailDto'];
export type QuarantinedMailDetail = Schemas['QuarantinedMailDetailDto'];
export type TicketInboundMail = Schemas['TicketInboundMailDto'];

/** The mail quarantine: one function per endpoint. */
export const mailQuarantineApi = {
  list: (api: ApiClient) =>
    unwrap(api.GET('/api/v1/admin/mail-quarantine', { params: { query: { limit: 200 } } })),
  get: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/admin/mail-quarantine/{id}', { params: { path: { id } } })),
  accept: (api: ApiClient, id: string, organizationId?: string) =>
    unwrap(
      api.POST('/api/v1/admin/mail-quarantine/{id}/accept', {
        params: { path: { id } },
        body: organizationId ? { organizationId } : {},
      }),
    ),
  discard: (api: ApiClient, id: string) =>
    unwrap(api.POST('/api/v1/admin/mail-quarantine/{id}/discard', { params: { path: { id } } })),
  /** Mail received about a ticket (staff), newest first. */
  ticketMail: (api: ApiClient, ticketId: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/inbound-mail', {
        params: { path: { id: ticketId }, query: { limit: 200 } },
      }),
    ),
  /** The .eml through the authorized client (the token never goes in a URL). */
  raw: (api: ApiClient, id: string) =>
    unwrap(
      api.GET('/api/v1/admin/mail-quarantine/{id}/raw', {
        params: { path: { id } },
        parseAs: 'blob',
      }),
    ) as Promise<Blob>,
};
