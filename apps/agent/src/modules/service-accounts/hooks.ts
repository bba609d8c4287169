import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import {
  serviceAccountsApi,
  type CreateApiToken,
  type CreateServiceAccount,
  type ServiceAccountsQuery,
  type UpdateServiceAccount,
} from './api';

export function useServiceAccounts(query: ServiceAccountsQuery) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.serviceAccounts.list(query),
    queryFn: () => serviceAccountsApi.list(api, query),
  });
}

/** Creates (no id) or changes a service account; every list of them reloads after. */
export function useSaveServiceAccount() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: CreateServiceAccount | UpdateServiceAccount }) =>
      v.id
        ? serviceAccountsApi.update(api, v.id, v.body as UpdateServiceAccount)
        : serviceAccountsApi.create(api, v.body as CreateServiceAccount),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.serviceAccounts.all }),
  });
}

export function useApiTokens(accountId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.serviceAccounts.tokens(accountId),
    queryFn: () => serviceAccountsApi.tokens(api, accountId),
    // Last use moves with every call the other system makes: read it afresh on each opening.
    staleTime: 0,
  });
}

export function useCreateApiToken(accountId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiToken) => serviceAccountsApi.createToken(api, accountId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.serviceAccounts.all }),
  });
}

export function useRevokeApiToken(accountId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => serviceAccountsApi.revokeToken(api, accountId, tokenId),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.serviceAccounts.all }),
  });
}
