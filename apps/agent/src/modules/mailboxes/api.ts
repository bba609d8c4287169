import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type Mailbox = Schemas['MailboxDto'];
export type CreateMailbox = Schemas['CreateMailboxDto'];
export type UpdateMailbox = Schemas['UpdateMailboxDto'];
export type MailboxTestResult = Schemas['MailboxTestResultDto'];
export type FailedMessage = Schemas['FailedMessageDto'];

/** Support mailboxes administration: one function per endpoint. */
export const mailboxesApi = {
  list: (api: ApiClient) => unwrap(api.GET('/api/v1/admin/mailboxes')),
  create: (api: ApiClient, body: CreateMailbox) =>
    unwrap(api.POST('/api/v1/admin/mailboxes', { body })),
  update: (api: ApiClient, id: string, body: UpdateMailbox) =>
    unwrap(api.PATCH('/api/v1/admin/mailboxes/{id}', { params: { path: { id } }, body })),
  remove: (api: ApiClient, id: string) =>
    unwrap(api.DELETE('/api/v1/admin/mailboxes/{id}', { params: { path: { id } } })),
  test: (api: ApiClient, id: string) =>
    unwrap(api.POST('/api/v1/admin/mailboxes/{id}/test', { params: { path: { id } } })),
  failed: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/admin/mailboxes/{id}/failed-messages', { params: { path: { id } } })),
  retry: (api: ApiClient, id: string, messageId: string) =>
    unwrap(
      api.POST('/api/v1/admin/mailboxes/{id}/failed-messages/{messageId}/retry', {
        params: { path: { id, messageId } },
      }),
    ),
  /** The .eml through the authorized client (the token never goes in a URL). */
  raw: (api: ApiClient, id: string, messageId: string) =>
    unwrap(
      api.GET('/api/v1/admin/mailboxes/{id}/failed-messages/{messageId}/raw', {
        params: { path: { id, messageId } },
        parseAs: 'blob',
      }),
    ) as Promise<Blob>,
};
