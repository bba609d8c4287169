import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { alertsApi, type CreateAlertRule, type UpdateAlertRule } from './api';

export function useAlertRules() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.alertRules, queryFn: () => alertsApi.rules(api) });
}

function useInvalidateRules() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.alertRules });
}

/** Creates a rule (no id) or changes one (moves it too, with `position`). */
export function useSaveAlertRule() {
  const api = useApi();
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: (a: { id?: string; body: CreateAlertRule | UpdateAlertRule }) =>
      a.id
        ? alertsApi.updateRule(api, a.id, a.body as UpdateAlertRule)
        : alertsApi.createRule(api, a.body as CreateAlertRule),
    // Moving one renumbers the others: read the whole order again, success or conflict.
    onSettled: invalidate,
  });
}

export function useDeleteAlertRule() {
  const api = useApi();
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: (id: string) => alertsApi.deleteRule(api, id),
    onSettled: invalidate,
  });
}
