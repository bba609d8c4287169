import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type ServiceAccount = Schemas['ServiceAccountDto'];
export type CreateServiceAccount = Schemas['CreateServiceAccountDto'];
export type UpdateServiceAccount = Schemas['UpdateServiceAccountDto'];
export type ApiToken = Schemas['ApiTokenDto'];
export type CreatedApiToken = Schemas['CreatedApiTokenDto'];
export type CreateApiToken = Schemas['CreateApiTokenDto'];
export type ApiScope = CreateApiToken['scopes'][number];
export type ServiceAccountsQuery = NonNullable<
  paths['/api/v1/admin/service-accounts']['get']['parameters']['query']
>;

/** One function per endpoint of service accounts and their API tokens (admin). */
export const serviceAccountsApi = {
  list: (api: ApiClient, query: ServiceAccountsQuery) =>
    unwrap(api.GET('/api/v1/admin/service-accounts', { params: { query } })),
  create: (api: ApiClient, body: CreateServiceAccount) =>
    unwrap(api.POST('/api/v1/admin/service-accounts', { body })),
  update: (api: ApiClient, id: string, body: UpdateServiceAccount) =>
    unwrap(api.PATCH('/api/v1/admin/service-accounts/{id}', { params: { path: { id } }, body })),
  tokens: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/admin/service-accounts/{id}/tokens', { params: { path: { id } } })),
  createToken: (api: ApiClient, id: string, body: CreateApiToken) =>
    unwrap(
      api.POST('/api/v1/admin/service-accounts/{id}/tokens', { params: { path: { id } }, body }),
    ),
  revokeToken: (api: ApiClient, id: string, tokenId: string) =>
    unwrap(
      api.DELETE('/api/v1/admin/service-accounts/{id}/tokens/{tokenId}', {
        params: { path: { id, tokenId } },
      }),
    ),
};
