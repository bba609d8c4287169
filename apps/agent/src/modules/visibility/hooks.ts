import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { visibilityAdminApi, type UpdateVisibilitySettings } from './api';

export function useVisibilitySettings() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.visibility.settings,
    queryFn: () => visibilityAdminApi.get(api),
  });
}

export function useSaveVisibilitySettings() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateVisibilitySettings) => visibilityAdminApi.update(api, body),
    onSuccess: (saved) => client.setQueryData(queryKeys.visibility.settings, saved),
  });
}
