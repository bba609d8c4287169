import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { assignmentApi, type CreateAssignmentRule, type UpdateAssignmentRule } from './api';

export function useAssignmentRules() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.assignmentRules,
    queryFn: () => assignmentApi.rules(api),
  });
}

function useInvalidateRules() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.assignmentRules });
}

/** Creates a rule (no id) or changes one (moves it too, with `position`). */
export function useSaveAssignmentRule() {
  const api = useApi();
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: (a: { id?: string; body: CreateAssignmentRule | UpdateAssignmentRule }) =>
      a.id
        ? assignmentApi.updateRule(api, a.id, a.body as UpdateAssignmentRule)
        : assignmentApi.createRule(api, a.body as CreateAssignmentRule),
    // Moving one renumbers the others: read the whole order again, success or conflict.
    onSettled: invalidate,
  });
}

export function useDeleteAssignmentRule() {
  const api = useApi();
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: (id: string) => assignmentApi.deleteRule(api, id),
    onSettled: invalidate,
  });
}
