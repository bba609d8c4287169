import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { webFormAdminApi, type UpdateWebFormSettings } from './api';

export function useWebFormSettings() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.webForm.settings,
    queryFn: () => webFormAdminApi.get(api),
  });
}

export function useSaveWebFormSettings() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWebFormSettings) => webFormAdminApi.update(api, body),
    onSuccess: (saved) => client.setQueryData(queryKeys.webForm.settings, saved),
  });
}
